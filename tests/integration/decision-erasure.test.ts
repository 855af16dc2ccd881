// The decision record survives erasure (issue 22 item 4; docs/decisions/009-decision-chain.md,
// "Version v3"), on both databases: a v3 decision commits to salted digests of its free text, so
// erasing a field leaves the chain verifying, the field counted as erased and the text nowhere in
// the database or a new backup; tampering with a digest, a salt or a remaining field still fails.
// A chain of v1/v2 decisions then v3 verifies across the step, and erasing a v1 decision's field
// first re-commits the old decisions as v3 (the version step), audited with the head before it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { writeBackup } from "@/lib/backup/backup";
import { db, type Tx } from "@/lib/db";
import { appendDecisions, describeChainReport, verifyDecisionChain, type ChainReport } from "@/lib/decisions/chain";
import { eraseDecisionFields, type ErasureContext } from "@/lib/decisions/erase-field";
import { backend, createAdmin, createAgreement, createStaff, resetDatabase } from "../helpers/database";
import { rowsContaining } from "../helpers/dump";
import { appendLegacyDecisions } from "../helpers/legacy-decisions";

beforeEach(resetDatabase);

const NOW = new Date("2026-06-15T09:00:00.000Z");
const SURNAME = "Unrepeatable-Surname";
const NAMED = `Asked for by Mrs Eirlys ${SURNAME}, a resident`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "twinning-erasure-"));

async function context(): Promise<ErasureContext> {
  const admin = await createAdmin();
  return { by: admin, at: NOW, why: "Named a resident" };
}

const erase = (targets: Parameters<typeof eraseDecisionFields>[1], erasure: ErasureContext) => db.$transaction((tx) => eraseDecisionFields(tx, targets, erasure));

class Rollback extends Error {
  constructor(readonly report: ChainReport) {
    super("rolled back");
  }
}

/** The chain's report after an attacker's statements (the append-only trigger off), all rolled back afterwards. */
async function reportAfterTampering(...statements: [string, ...unknown[]][]): Promise<ChainReport> {
  try {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "Decision" DISABLE TRIGGER "Decision_append_only"`);
      for (const [statement, ...values] of statements) await tx.$executeRawUnsafe(statement, ...values);
      await tx.$executeRawUnsafe(`ALTER TABLE "Decision" ENABLE TRIGGER "Decision_append_only"`);
      throw new Rollback(await verifyDecisionChain(tx as Tx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.report;
    throw error;
  }
  throw new Error("unreachable");
}

async function draftAgreement() {
  const staff = await createStaff();
  return { staff, agreement: await createAgreement({ status: "DRAFT", createdBy: staff }) };
}

describe(`erasing a decision's field (${backend()})`, () => {
  it("leaves the chain verifying with the field counted as erased, and the text nowhere in the database or a new backup", async () => {
    const erasure = await context();
    const { staff, agreement } = await draftAgreement();
    const [named] = await appendDecisions(db, [
      { agreementId: agreement.id, kind: "PROPOSED", actorId: staff.id, reason: NAMED, publicReason: `Paused, as ${SURNAME} asked.`, reference: "Cabinet 2026/9" },
      { agreementId: agreement.id, kind: "WITHDRAWN", actorId: staff.id, reason: "Withdrawn" },
    ]);
    await db.decisionTranslation.create({ data: { decisionId: named!.id, locale: "de", publicReason: `Pausiert, wie ${SURNAME} bat.` } });
    const before = await db.decision.findMany({ orderBy: { sequence: "asc" }, select: { id: true, sequence: true, previousHash: true, hash: true, fieldDigests: true } });
    expect(await rowsContaining(SURNAME)).not.toEqual([]);

    expect(await erase([{ decisionId: named!.id, field: "reason" }, { decisionId: named!.id, field: "publicReason" }], erasure)).toBe(2);

    const report = await verifyDecisionChain(db);
    expect(report).toEqual({ ok: true, count: 2, erased: 2, head: { sequence: 2, hash: before[1]!.hash } });
    expect(describeChainReport(report)).toMatch(/^2 decisions verified, 2 fields erased \(latest: sequence 2/);
    // Nothing hashed changed: the same chain, the same digests.
    expect(await db.decision.findMany({ orderBy: { sequence: "asc" }, select: { id: true, sequence: true, previousHash: true, hash: true, fieldDigests: true } })).toEqual(before);
    expect(await db.decision.findUniqueOrThrow({ where: { id: named!.id }, select: { reason: true, publicReason: true, reference: true } })).toEqual({ reason: null, publicReason: null, reference: "Cabinet 2026/9" });
    expect(await db.decisionField.findMany({ where: { decisionId: named!.id }, orderBy: { field: "asc" }, select: { field: true, salt: true, erasedAt: true, erasedById: true, erasureReason: true } })).toEqual([
      { field: "publicReason", salt: null, erasedAt: NOW, erasedById: erasure.by!.id, erasureReason: "Named a resident" },
      { field: "reason", salt: null, erasedAt: NOW, erasedById: erasure.by!.id, erasureReason: "Named a resident" },
      { field: "reference", salt: expect.stringMatching(/^[0-9a-f]{64}$/), erasedAt: null, erasedById: null, erasureReason: null },
    ]);
    expect(await rowsContaining(SURNAME)).toEqual([]);
    const file = path.join(dir, `${backend()}-after-erasure.json`);
    await writeBackup(file, { now: NOW });
    const backup = fs.readFileSync(file, "utf8");
    expect(backup).toContain("Cabinet 2026/9");
    expect(backup).not.toContain(SURNAME);
    expect(await db.auditLog.count({ where: { action: "decision.erase-field", entityId: named!.id, actorId: erasure.by!.id } })).toBe(2);

    // Erasing it again changes nothing.
    expect(await erase([{ decisionId: named!.id, field: "reason" }], erasure)).toBe(0);
    expect(await db.auditLog.count({ where: { action: "decision.erase-field" } })).toBe(2);
  });

  it("still fails when a digest, a salt or a remaining field is changed, or a field is emptied without an erasure", async () => {
    const erasure = await context();
    const { staff, agreement } = await draftAgreement();
    const [named] = await appendDecisions(db, [
      { agreementId: agreement.id, kind: "PROPOSED", actorId: staff.id, reason: NAMED, publicReason: "Paused for a year.", reference: "Cabinet 2026/9" },
      { agreementId: agreement.id, kind: "WITHDRAWN", actorId: staff.id },
    ]);
    await erase([{ decisionId: named!.id, field: "reason" }], erasure);
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: true, erased: 1 });
    const id = named!.id;
    const at = { ok: false, verified: 0, failure: { id, sequence: 1 } };

    // The erased field's digest, swapped for another: the hash no longer matches.
    const digest = await reportAfterTampering([`UPDATE "Decision" SET "fieldDigests" = jsonb_set("fieldDigests", '{reason}', to_jsonb(repeat('0', 64))) WHERE "id" = $1::uuid`, id]);
    expect(digest).toMatchObject(at);
    expect(digest.ok || digest.failure.problem).toMatch(/^its content does not match its hash/);
    // A kept field's salt changed (DecisionField is not behind the trigger).
    expect(await reportAfterTampering([`UPDATE "DecisionField" SET "salt" = repeat('1', 64) WHERE "decisionId" = $1::uuid AND "field" = 'publicReason'`, id])).toMatchObject({
      ...at,
      failure: { problem: "its publicReason does not match its digest" },
    });
    // A kept field's text changed.
    expect(await reportAfterTampering([`UPDATE "Decision" SET "reference" = 'Cabinet 2026/10' WHERE "id" = $1::uuid`, id])).toMatchObject({ ...at, failure: { problem: "its reference does not match its digest" } });
    // Text put back into the erased field.
    expect(await reportAfterTampering([`UPDATE "Decision" SET "reason" = 'Nobody objected' WHERE "id" = $1::uuid`, id])).toMatchObject({ ...at, failure: { problem: "the salt of its reason is missing" } });
    // A field emptied without an erasure (the trigger allows the emptying itself; the chain tells it from an erasure).
    await db.$executeRawUnsafe(`UPDATE "Decision" SET "reference" = NULL WHERE "id" = $1::uuid`, id);
    expect(await verifyDecisionChain(db)).toMatchObject({ ...at, failure: { problem: "its reference is missing, and not recorded as erased" } });
  });

  it("the database refuses every other change: text replaced, another column, the chain's columns, a deletion", async () => {
    const { staff, agreement } = await draftAgreement();
    const [decision] = await appendDecisions(db, [{ agreementId: agreement.id, kind: "PROPOSED", actorId: staff.id, reason: NAMED }]);
    for (const statement of [
      `UPDATE "Decision" SET "reason" = 'Rewritten' WHERE "id" = $1::uuid`,
      `UPDATE "Decision" SET "kind" = 'WITHDRAWN' WHERE "id" = $1::uuid`,
      `UPDATE "Decision" SET "hash" = repeat('0', 64) WHERE "id" = $1::uuid`,
      `UPDATE "Decision" SET "fieldDigests" = NULL WHERE "id" = $1::uuid`,
      `UPDATE "Decision" SET "reason" = NULL, "actorId" = NULL WHERE "id" = $1::uuid`,
      `DELETE FROM "Decision" WHERE "id" = $1::uuid`,
    ]) {
      await expect(db.$executeRawUnsafe(statement, decision!.id), statement).rejects.toThrow(/append-only/);
    }
    // Nor may a v1/v2 row be emptied: its hash covers its text.
    const [legacy] = await appendLegacyDecisions([{ agreementId: agreement.id, kind: "WITHDRAWN", reason: NAMED }]);
    await expect(db.$executeRawUnsafe(`UPDATE "Decision" SET "reason" = NULL WHERE "id" = $1::uuid`, legacy!.id)).rejects.toThrow(/append-only/);
  });
});

describe(`the version step from v1/v2 to v3 (${backend()})`, () => {
  it("a chain of v1 and v2 decisions, then v3 ones, verifies across the step; a v1 decision after v3 does not", async () => {
    const { staff, agreement } = await draftAgreement();
    await appendLegacyDecisions([
      { agreementId: agreement.id, kind: "SUBMITTED", actorId: staff.id, reason: "Why this partner" },
      { agreementId: agreement.id, kind: "AMENDED", actorId: staff.id, changes: { title: { from: "Kiel link", to: "Kiel and us" } } },
    ]);
    await appendDecisions(db, [{ agreementId: agreement.id, kind: "PROPOSED", actorId: staff.id, reason: "A v3 reason" }]);
    const versions = await db.decision.findMany({ orderBy: { sequence: "asc" }, select: { fieldDigests: true, changes: true } });
    expect(versions.map((row) => (row.fieldDigests ? "v3" : row.changes ? "v2" : "v1"))).toEqual(["v1", "v2", "v3"]);
    expect(await verifyDecisionChain(db, { batchSize: 2 })).toMatchObject({ ok: true, count: 3, erased: 0 });

    const [late] = await appendLegacyDecisions([{ agreementId: agreement.id, kind: "WITHDRAWN", reason: "Written the old way" }]);
    expect(await verifyDecisionChain(db)).toEqual({ ok: false, verified: 3, failure: { id: late!.id, sequence: 4, problem: "it is serialized as v1, but the chain moved to v3 at sequence 3" } });
  });

  it("erasing a v1 decision's field first re-commits the v1/v2 decisions as v3, audited with the head before and after", async () => {
    const erasure = await context();
    const { staff, agreement } = await draftAgreement();
    const legacy = await appendLegacyDecisions([
      { agreementId: agreement.id, kind: "SUBMITTED", actorId: staff.id, reason: NAMED, publicReason: "Chosen for its schools." },
      { agreementId: agreement.id, kind: "AMENDED", actorId: staff.id, changes: { title: { from: "Kiel link", to: "Kiel and us" } } },
    ]);
    const [current] = await appendDecisions(db, [{ agreementId: agreement.id, kind: "PROPOSED", actorId: staff.id, reason: "A v3 reason" }]);
    const headBefore = await verifyDecisionChain(db);
    expect(headBefore).toMatchObject({ ok: true, count: 3, head: { sequence: 3, hash: current!.hash } });

    expect(await erase([{ decisionId: legacy[0]!.id, field: "reason" }], erasure)).toBe(1);

    const report = await verifyDecisionChain(db);
    expect(report).toMatchObject({ ok: true, count: 3, erased: 1 });
    const rows = await db.decision.findMany({ orderBy: { sequence: "asc" }, select: { id: true, hash: true, fieldDigests: true, publicReason: true, changes: true } });
    expect(rows.map((row) => row.id)).toEqual([legacy[0]!.id, legacy[1]!.id, current!.id]);
    expect(rows.every((row) => row.fieldDigests !== null)).toBe(true);
    // Every hash is new (each follows the one before); the v3 decision keeps its digests; the text that was not erased stays.
    expect(rows.map((row) => row.hash)).not.toContain(current!.hash);
    expect(rows[2]!.fieldDigests).toEqual(current!.fieldDigests);
    expect(rows[0]!.publicReason).toBe("Chosen for its schools.");
    expect(rows[1]!.changes).toEqual({ title: { from: "Kiel link", to: "Kiel and us" } });
    const [step] = await db.auditLog.findMany({ where: { action: "decisions.recommit" } });
    expect(step).toMatchObject({ actorId: erasure.by!.id, details: { rows: 3, legacyRows: 2, previousHead: { sequence: 3, hash: current!.hash }, head: report.ok ? report.head : null } });
    expect(await rowsContaining(SURNAME)).toEqual([]);

    // Once done, it is not done again: a second erasure leaves the hashes as they are.
    expect(await erase([{ decisionId: legacy[0]!.id, field: "publicReason" }], erasure)).toBe(1);
    expect((await db.decision.findMany({ orderBy: { sequence: "asc" }, select: { hash: true } })).map((row) => row.hash)).toEqual(rows.map((row) => row.hash));
    expect(await db.auditLog.count({ where: { action: "decisions.recommit" } })).toBe(1);
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: true, count: 3, erased: 2 });
  });

  it("refuses to re-commit a chain that does not verify, and changes nothing", async () => {
    const erasure = await context();
    const { staff, agreement } = await draftAgreement();
    const legacy = await appendLegacyDecisions([
      { agreementId: agreement.id, kind: "SUBMITTED", actorId: staff.id, reason: NAMED },
      { agreementId: agreement.id, kind: "WITHDRAWN", actorId: staff.id, reason: "Withdrawn" },
    ]);
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "Decision" DISABLE TRIGGER "Decision_append_only"`);
      await tx.$executeRawUnsafe(`UPDATE "Decision" SET "reason" = 'Rewritten' WHERE "id" = $1::uuid`, legacy[1]!.id);
      await tx.$executeRawUnsafe(`ALTER TABLE "Decision" ENABLE TRIGGER "Decision_append_only"`);
    });
    await expect(erase([{ decisionId: legacy[0]!.id, field: "reason" }], erasure)).rejects.toThrow(/cannot be re-committed: The decision record does not verify: decision .* \(sequence 2\)/);
    expect(await db.decision.findMany({ orderBy: { sequence: "asc" }, select: { reason: true, fieldDigests: true, hash: true } })).toEqual(
      legacy.map((row, index) => ({ reason: index === 0 ? NAMED : "Rewritten", fieldDigests: null, hash: row.hash })),
    );
    expect(await db.decisionField.count()).toBe(0);
  });
});
