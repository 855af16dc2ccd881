// The decision record as a hash chain: built by real submissions and votes, verified in order,
// and broken — at the right row — by someone who edits or deletes a decision with direct database
// access (the append-only trigger disabled, as such an attacker would). Concurrent appends queue
// instead of forking, and the migration chains decisions that existed before it.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { applyCommand } from "@/lib/agreements/apply-command";
import { createDraft } from "@/lib/agreements/create-draft";
import { decideProposal } from "@/lib/agreements/decide-proposal";
import { db } from "@/lib/db";
import { pgliteHandle, postgresHandle, type AdapterHandle } from "@/lib/db/adapters";
import { readDatabaseConfig } from "@/lib/db/config";
import { appendDecisions, decisionHash, fieldDigest, GENESIS_HASH, verifyDecisionChain } from "@/lib/decisions/chain";
import type { Actor } from "@/lib/domain/permissions";
import { commandSchema, voteSchema } from "@/lib/domain/validation/agreement";
import { backend, createAgreement, createCouncillor, createStaff, draftInput, resetDatabase, setApprovalsNeeded } from "../helpers/database";
import { appendLegacyDecisions } from "../helpers/legacy-decisions";
import { readMigrations } from "../helpers/migrations";

beforeEach(resetDatabase);

const CHAIN_MIGRATION = "20261128200000_decision_chain";
const TRICKY = 'He said "no",\n\ttwice — ünïcödé 😀 \\ / \u0001 end';

/** A submitted draft with quorum 2, approved by two councillors: SUBMITTED, APPROVED, APPROVED, STATUS_CHANGED. */
async function approvedAgreement(staff: Actor, councillors: [Actor, Actor]) {
  const { id } = await createDraft(draftInput(), staff);
  const { proposalId } = await applyCommand(commandSchema.parse({ agreementId: id, version: 1, command: "submit", reason: "A good reason" }), staff);
  for (const councillor of councillors) await decideProposal(voteSchema.parse({ proposalId, decision: "approve", reason: "" }), councillor);
  return id;
}

async function chainRows() {
  return db.decision.findMany({ orderBy: { sequence: "asc" }, select: { id: true, sequence: true, kind: true, previousHash: true, hash: true } });
}

/** What an attacker with database access can do: switch the append-only trigger off for one statement. */
async function asAttacker(statement: string, ...values: unknown[]) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "Decision" DISABLE TRIGGER "Decision_append_only"`);
    await tx.$executeRawUnsafe(statement, ...values);
    await tx.$executeRawUnsafe(`ALTER TABLE "Decision" ENABLE TRIGGER "Decision_append_only"`);
  });
}

describe(`the decision chain (${backend()})`, () => {
  it("is built by real submissions and votes, in order, and verifies", async () => {
    await setApprovalsNeeded(2);
    const staff = await createStaff();
    const councillors: [Actor, Actor] = [await createCouncillor(), await createCouncillor()];
    await approvedAgreement(staff, councillors);
    await approvedAgreement(staff, councillors);

    const rows = await chainRows();
    expect(rows.map((row) => row.kind)).toEqual(["SUBMITTED", "APPROVED", "APPROVED", "STATUS_CHANGED", "SUBMITTED", "APPROVED", "APPROVED", "STATUS_CHANGED"]);
    expect(rows.map((row) => row.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows[0]!.previousHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.previousHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((row) => row.hash)).size).toBe(rows.length);

    // A batch smaller than the chain, so the walk crosses batch boundaries.
    expect(await verifyDecisionChain(db, { batchSize: 3 })).toEqual({ ok: true, count: 8, erased: 0, head: { sequence: 8, hash: rows[7]!.hash } });
  });

  it("an empty record verifies as 0 decisions", async () => {
    expect(await verifyDecisionChain(db)).toEqual({ ok: true, count: 0, erased: 0, head: null });
  });

  it("the migration's SQL hash function gives the same hash as the code for a v1 decision, whatever the text", async () => {
    const staff = await createStaff();
    const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
    await appendLegacyDecisions([
      { agreementId: agreement.id, kind: "PROPOSED", actorId: staff.id, fromStatus: "ACTIVE", toStatus: "SUSPENDED", reason: TRICKY, publicReason: "Ça va — “quoted”", reference: "Cabinet 2026/1" },
      { agreementId: agreement.id, kind: "WITHDRAWN", createdAt: new Date("1999-12-31T23:59:59.999Z") },
    ]);
    const rows = await db.$queryRawUnsafe<{ hash: string; computed: string }[]>(
      `SELECT "hash", "decision_chain_hash"("sequence", "id", "agreementId", "proposalId", "kind", "actorId", "fromStatus", "toStatus",
              "reason", "publicReason", "reference", "voteKey", "createdAt", "previousHash") AS computed
       FROM "Decision" WHERE "fieldDigests" IS NULL ORDER BY "sequence"`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.computed).toBe(row.hash);
    expect((await db.decision.findFirstOrThrow({ where: { kind: "PROPOSED" }, select: { reason: true } })).reason).toBe(TRICKY);
  });

  it("detects a reason rewritten in the database, at that decision", async () => {
    await setApprovalsNeeded(2);
    const staff = await createStaff();
    await approvedAgreement(staff, [await createCouncillor(), await createCouncillor()]);
    const rows = await chainRows();
    const victim = rows[1]!;

    await expect(db.$executeRawUnsafe(`UPDATE "Decision" SET "reason" = 'Rewritten' WHERE "id" = $1::uuid`, victim.id)).rejects.toThrow(/append-only/);
    await asAttacker(`UPDATE "Decision" SET "reason" = 'Nobody objected' WHERE "id" = $1::uuid`, victim.id);

    const report = await verifyDecisionChain(db, { batchSize: 2 });
    expect(report).toMatchObject({ ok: false, verified: 1, failure: { id: victim.id, sequence: 2 } });
    expect(report.ok || report.failure.problem).toBe("its reason has text but no digest: it was added after the decision was recorded");
  });

  it("detects a decision whose hash was recomputed after the edit, at the next decision", async () => {
    const staff = await createStaff();
    await createAgreement({ status: "ACTIVE", createdBy: staff });
    await createAgreement({ status: "ACTIVE", createdBy: staff });
    await createAgreement({ status: "ACTIVE", createdBy: staff });
    const [, second, third] = await chainRows();
    const full = await db.decision.findUniqueOrThrow({ where: { id: second!.id } });
    // A forger who knows v3: a new salt and digest for the new text, and the hash recomputed over them.
    const salt = "ab".repeat(32);
    const fieldDigests = { ...(full.fieldDigests as Record<string, string | null>), reason: fieldDigest(salt, "Forged") };
    await db.decisionField.update({ where: { decisionId_field: { decisionId: second!.id, field: "reason" } }, data: { salt } });
    await asAttacker(`UPDATE "Decision" SET "reason" = 'Forged', "fieldDigests" = $2::jsonb, "hash" = $3 WHERE "id" = $1::uuid`, second!.id, JSON.stringify(fieldDigests), decisionHash({ ...full, reason: "Forged", fieldDigests }));

    const report = await verifyDecisionChain(db);
    expect(report).toMatchObject({ ok: false, verified: 2, failure: { id: third!.id, sequence: 3 } });
    expect(report.ok || report.failure.problem).toMatch(/previousHash .* is not the hash of the decision before it/);
  });

  it("detects a deleted decision, at the one after the gap", async () => {
    await setApprovalsNeeded(2);
    const staff = await createStaff();
    await approvedAgreement(staff, [await createCouncillor(), await createCouncillor()]);
    const rows = await chainRows();
    // The first approval: nothing points at a vote row, so only the chain can tell it is gone.
    await asAttacker(`DELETE FROM "Decision" WHERE "id" = $1::uuid`, rows[1]!.id);

    const report = await verifyDecisionChain(db);
    expect(report).toMatchObject({ ok: false, verified: 1, failure: { id: rows[2]!.id, sequence: 3 } });
    expect(report.ok || report.failure.problem).toBe("expected sequence 2 here: decision 2 is missing");
  });

  it("detects a missing first decision", async () => {
    const staff = await createStaff();
    await createAgreement({ status: "DRAFT", createdBy: staff });
    const agreement = await createAgreement({ status: "DRAFT", createdBy: staff });
    const [first, second] = await appendDecisions(db, [
      { agreementId: agreement.id, kind: "SUBMITTED" },
      { agreementId: agreement.id, kind: "WITHDRAWN" },
    ]);
    await asAttacker(`DELETE FROM "Decision" WHERE "id" = $1::uuid`, first!.id);
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: false, verified: 0, failure: { id: second!.id, sequence: 2, problem: "expected sequence 1 here: decision 1 is missing" } });
  });

  it("concurrent appends queue: no fork, no gap, every decision once", async () => {
    const staff = await createStaff();
    const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
    const writers = 12;
    const results = await Promise.allSettled(
      Array.from({ length: writers }, (_, writer) =>
        db.$transaction(async (tx) =>
          appendDecisions(tx, [
            { agreementId: agreement.id, kind: "PROPOSED", actorId: staff.id, reason: `writer ${writer} first` },
            { agreementId: agreement.id, kind: "WITHDRAWN", actorId: staff.id, reason: `writer ${writer} second` },
          ]),
        ),
      ),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const rows = await db.decision.findMany({ orderBy: { sequence: "asc" }, select: { sequence: true, reason: true } });
    expect(rows.map((row) => row.sequence)).toEqual(Array.from({ length: 1 + 2 * writers }, (_, i) => i + 1));
    // Each transaction's two decisions are adjacent: the lock is held until it commits.
    for (let writer = 0; writer < writers; writer++) {
      const first = rows.findIndex((row) => row.reason === `writer ${writer} first`);
      expect(rows[first + 1]!.reason).toBe(`writer ${writer} second`);
    }
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: true, count: 1 + 2 * writers });
  });

  it("concurrent votes on several proposals leave a chain that verifies", async () => {
    const staff = await createStaff();
    const councillors = [await createCouncillor(), await createCouncillor(), await createCouncillor()];
    await setApprovalsNeeded(3);
    const proposals: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { id } = await createDraft(draftInput(), staff);
      const { proposalId } = await applyCommand(commandSchema.parse({ agreementId: id, version: 1, command: "submit", reason: "A good reason" }), staff);
      proposals.push(proposalId!);
    }
    const votes = proposals.flatMap((proposalId) => councillors.map((councillor) => decideProposal(voteSchema.parse({ proposalId, decision: "approve", reason: "" }), councillor)));
    const results = await Promise.allSettled(votes);
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    // 4 submissions, 12 votes, 4 status changes.
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: true, count: 20 });
  });

  it("the database refuses a second successor of one decision (a fork)", async () => {
    const staff = await createStaff();
    const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
    const [head] = await chainRows();
    const forged = { id: "00000000-0000-4000-8000-0000000000f0", agreementId: agreement.id, proposalId: null, kind: "WITHDRAWN" as const, actorId: null, fromStatus: null, toStatus: null, reason: "fork", publicReason: null, reference: null, voteKey: null, createdAt: new Date(), sequence: 99, previousHash: GENESIS_HASH };
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO "Decision" ("id", "agreementId", "kind", "reason", "createdAt", "sequence", "previousHash", "hash") VALUES ($1::uuid, $2::uuid, 'WITHDRAWN', 'fork', now(), 99, $3, $4)`,
        forged.id,
        agreement.id,
        head!.previousHash,
        decisionHash(forged),
      ),
    ).rejects.toThrow(/Decision_previousHash_key|previousHash/);
  });
});

describe(`the chain migration (${backend()})`, () => {
  it("chains the decisions that existed before it, oldest first, so that they verify", async () => {
    const before = readMigrations().filter((migration) => migration.name < CHAIN_MIGRATION);
    const chain = readMigrations().find((migration) => migration.name === CHAIN_MIGRATION)!;
    const legacy = await openLegacyDatabase();
    try {
      for (const migration of before) await legacy.exec(migration.sql);
      const user = "00000000-0000-4000-8000-000000000001";
      const agreement = "00000000-0000-4000-8000-000000000002";
      await legacy.exec(`
        INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "updatedAt") VALUES ('${user}', 'legacy@example.org', 'Legacy', 'STAFF', 'x', now());
        INSERT INTO "Partner" ("id", "slug", "name", "kind", "identityKey", "updatedAt") VALUES ('00000000-0000-4000-8000-000000000003', 'kiel', 'Kiel', 'TOWN', 'kiel', now());
        INSERT INTO "Agreement" ("id", "partnerId", "relationshipType", "title", "purpose", "createdById", "updatedAt") VALUES ('${agreement}', '00000000-0000-4000-8000-000000000003', 'TWIN_TOWN', 'Kiel link', 'Friendship', '${user}', now());
        -- Written out of order, and two in one transaction (same createdAt): a vote and the status change it caused.
        INSERT INTO "Decision" ("id", "agreementId", "kind", "actorId", "reason", "createdAt") VALUES
          ('00000000-0000-4000-8000-00000000000c', '${agreement}', 'STATUS_CHANGED', '${user}', ${sqlLiteral(TRICKY)}, '2026-03-01T10:00:00.123Z'),
          ('00000000-0000-4000-8000-00000000000d', '${agreement}', 'APPROVED', '${user}', NULL, '2026-03-01T10:00:00.123Z'),
          ('00000000-0000-4000-8000-00000000000a', '${agreement}', 'SUBMITTED', '${user}', 'Why this partner', '2026-02-01T09:00:00.000Z');
      `);
      await legacy.exec(chain.sql);

      const rows = await legacy.client.decision.findMany({ orderBy: { sequence: "asc" }, select: { id: true, sequence: true, kind: true } });
      expect(rows.map((row) => [row.sequence, row.kind])).toEqual([
        [1, "SUBMITTED"],
        [2, "APPROVED"],
        [3, "STATUS_CHANGED"],
      ]);
      // Brought up to date (the client reads columns added since, such as an amendment's changes), the chain still verifies.
      for (const migration of readMigrations().filter((later) => later.name > CHAIN_MIGRATION)) await legacy.exec(migration.sql);
      expect(await verifyDecisionChain(legacy.client)).toMatchObject({ ok: true, count: 3 });
      // The trigger is back on after the backfill.
      await expect(legacy.exec(`UPDATE "Decision" SET "reason" = 'x'`)).rejects.toThrow(/append-only/);
    } finally {
      await legacy.close();
    }
  });
});

function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** An empty database of this run's kind, apart from the test harness's: a PGlite in memory, or a fresh schema. */
async function openLegacyDatabase(): Promise<{ exec(sql: string): Promise<unknown>; client: PrismaClient; close(): Promise<void> }> {
  const config = readDatabaseConfig(process.env);
  let handle: AdapterHandle;
  let exec: (sql: string) => Promise<unknown>;
  let drop = async () => {};
  if (config.kind === "postgres") {
    const schema = `twinning_chain_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.query(`SET search_path TO "${schema}"`);
    exec = (sql) => admin.query(sql);
    handle = postgresHandle(config.url, schema);
    drop = async () => {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    };
  } else {
    const pglite = new PGlite();
    exec = (sql) => pglite.exec(sql);
    handle = pgliteHandle(pglite);
  }
  const client = new PrismaClient({ adapter: handle.factory });
  return {
    exec,
    client,
    async close() {
      await client.$disconnect();
      await handle.close();
      await drop();
    },
  };
}
