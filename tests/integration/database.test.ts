// The database layer on whichever back end this run uses (PGlite by default, PostgreSQL when
// DATABASE_URL is a postgres URL): the same Prisma error codes, the database's own rules, the
// demo seed, and the choice of adapter.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { createAdapterFactory } from "@/lib/db/adapters";
import { DatabaseConfigError, DEFAULT_PGLITE_DIR, describeDatabase, readDatabaseConfig, redact } from "@/lib/db/config";
import { seedDemo, DEMO_USERS } from "@/prisma/demo";
import { backend, createAgreement, createStaff, resetDatabase, rowCounts } from "../helpers/database";

beforeEach(resetDatabase);

function prismaCode(error: unknown): string | undefined {
  return error instanceof Prisma.PrismaClientKnownRequestError ? error.code : undefined;
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the operation to fail, and it succeeded.");
}

describe(`Prisma errors (${backend()})`, () => {
  it("a duplicate unique value raises P2002 naming the field", async () => {
    const user = await createStaff();
    const error = await caught(db.user.create({ data: { email: user.email, name: "Someone else", role: "STAFF", passwordHash: "x" } }));
    expect(prismaCode(error)).toBe("P2002");
    expect(JSON.stringify((error as Prisma.PrismaClientKnownRequestError).meta)).toContain("email");
  });

  it("a duplicate inside a transaction raises P2002 and rolls the transaction back", async () => {
    const user = await createStaff();
    const before = await rowCounts();
    const error = await caught(
      db.$transaction(async (tx) => {
        await tx.auditLog.create({ data: { action: "test.before-duplicate" } });
        await tx.user.create({ data: { email: user.email, name: "Duplicate", role: "STAFF", passwordHash: "x" } });
      }),
    );
    expect(prismaCode(error)).toBe("P2002");
    expect(await rowCounts()).toEqual(before);
  });

  it("a missing foreign key raises P2003", async () => {
    const error = await caught(
      db.agreement.create({
        data: { partnerId: "00000000-0000-4000-8000-000000000000", relationshipType: "TWIN_TOWN", title: "Orphan", purpose: "", createdById: "00000000-0000-4000-8000-000000000001" },
      }),
    );
    expect(prismaCode(error)).toBe("P2003");
  });
});

describe(`database rules (${backend()})`, () => {
  it("refuses to UPDATE a decision (append-only)", async () => {
    const agreement = await createAgreement({ status: "ACTIVE" });
    const decisionId = agreement.statusDecisionId!;
    const error = await caught(db.decision.update({ where: { id: decisionId }, data: { reason: "Rewritten history" } }));
    expect(String((error as Error).message)).toMatch(/append-only/);
    const raw = await caught(db.$executeRawUnsafe(`UPDATE "Decision" SET "reason" = 'Rewritten history'`));
    expect(String((raw as Error).message)).toMatch(/append-only/);
    expect((await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).reason).toBe("Imported for a test");
  });

  it("refuses to DELETE a decision (append-only)", async () => {
    const agreement = await createAgreement({ status: "ACTIVE" });
    const error = await caught(db.decision.delete({ where: { id: agreement.statusDecisionId! } }));
    expect(String((error as Error).message)).toMatch(/append-only/);
    const raw = await caught(db.$executeRawUnsafe(`DELETE FROM "Decision"`));
    expect(String((raw as Error).message)).toMatch(/append-only/);
    expect(await db.decision.count()).toBe(1);
  });

  it("refuses a suspended agreement without the decision that suspended it", async () => {
    const agreement = await createAgreement({ status: "ACTIVE" });
    const error = await caught(db.agreement.update({ where: { id: agreement.id }, data: { status: "SUSPENDED", statusDecisionId: null } }));
    expect(String((error as Error).message)).toMatch(/Agreement_decided_status_has_decision|check constraint/i);
  });

  it("keeps council settings to one row with a sane quorum", async () => {
    await expect(db.councilSettings.create({ data: { id: 2 } })).rejects.toThrow();
    await expect(db.councilSettings.create({ data: { id: 1, approvalsNeeded: 0 } })).rejects.toThrow();
    await expect(db.councilSettings.create({ data: { id: 1, approvalsNeeded: 2 } })).resolves.toMatchObject({ approvalsNeeded: 2 });
  });
});

describe(`demo seed (${backend()})`, () => {
  it("is idempotent: a second run adds nothing", async () => {
    const first = await seedDemo();
    expect(first.created).toBe(true);
    const afterFirst = await rowCounts();
    expect(afterFirst.User).toBe(DEMO_USERS.length);
    expect(afterFirst.Agreement).toBeGreaterThanOrEqual(6);

    const second = await seedDemo();
    expect(second.created).toBe(false);
    expect(await rowCounts()).toEqual(afterFirst);
  });

  it("tells the story: Volgograd paused with its public reason, Mariupol awaiting approval", async () => {
    await seedDemo();
    const volgograd = await db.agreement.findFirstOrThrow({ where: { partner: { name: "Volgograd" } }, include: { statusDecision: true } });
    expect(volgograd.status).toBe("SUSPENDED");
    expect(volgograd.statusDecision?.publicReason).toMatch(/2022/);
    const mariupol = await db.agreement.findFirstOrThrow({ where: { partner: { name: "Mariupol" } }, include: { proposals: true } });
    expect(mariupol.status).toBe("PENDING_APPROVAL");
    expect(mariupol.proposals.filter((proposal) => proposal.state === "OPEN")).toHaveLength(1);
  });
});

describe("adapter choice follows DATABASE_URL", () => {
  it("uses embedded PGlite in ./data/pglite when DATABASE_URL is unset or empty", () => {
    expect(readDatabaseConfig({})).toEqual({ kind: "pglite", dataDir: DEFAULT_PGLITE_DIR });
    expect(DEFAULT_PGLITE_DIR).toBe("./data/pglite");
    expect(readDatabaseConfig({ DATABASE_URL: "" })).toEqual({ kind: "pglite", dataDir: "./data/pglite" });
    expect(readDatabaseConfig({ DATABASE_URL: "   " })).toEqual({ kind: "pglite", dataDir: "./data/pglite" });
  });

  it("honours PGLITE_DATA_DIR, pglite:, file:, memory:// and a plain folder", () => {
    expect(readDatabaseConfig({ PGLITE_DATA_DIR: "/srv/twinning" })).toEqual({ kind: "pglite", dataDir: "/srv/twinning" });
    expect(readDatabaseConfig({ DATABASE_URL: "pglite:./data/other" })).toEqual({ kind: "pglite", dataDir: "./data/other" });
    expect(readDatabaseConfig({ DATABASE_URL: "file:./data/x" })).toEqual({ kind: "pglite", dataDir: "./data/x" });
    expect(readDatabaseConfig({ DATABASE_URL: "memory://" })).toEqual({ kind: "pglite", dataDir: "memory://" });
    expect(readDatabaseConfig({ DATABASE_URL: "./somewhere" })).toEqual({ kind: "pglite", dataDir: "./somewhere" });
  });

  it("uses PostgreSQL for postgres:// and postgresql:// URLs", () => {
    const url = "postgresql://twinning:secret@db.internal:5432/twinning";
    expect(readDatabaseConfig({ DATABASE_URL: url })).toEqual({ kind: "postgres", url });
    expect(readDatabaseConfig({ DATABASE_URL: "postgres://u@localhost/db" })).toEqual({ kind: "postgres", url: "postgres://u@localhost/db" });
    expect(readDatabaseConfig({ DATABASE_URL: "POSTGRESQL://u@localhost/db" }).kind).toBe("postgres");
  });

  it("rejects a malformed PostgreSQL URL with a clear message that hides the password", () => {
    for (const DATABASE_URL of ["postgresql://user:secret@/twinning", "postgresql://user:secret@localhost", "postgresql://user:secret@localhost/", "postgresql://user:secret@host:notaport/db"]) {
      let error: unknown;
      try {
        readDatabaseConfig({ DATABASE_URL });
      } catch (thrown) {
        error = thrown;
      }
      expect(error, DATABASE_URL).toBeInstanceOf(DatabaseConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/^DATABASE_URL /);
      expect(message).toContain("postgresql://user:password@host:5432/database");
      expect(message).not.toContain("secret");
    }
  });

  it("rejects an unknown scheme", () => {
    expect(() => readDatabaseConfig({ DATABASE_URL: "mysql://root@localhost/twinning" })).toThrow(DatabaseConfigError);
    expect(() => readDatabaseConfig({ DATABASE_URL: "mysql://root@localhost/twinning" })).toThrow(/unsupported scheme/);
  });

  it("describes the database without the password", () => {
    expect(redact("postgresql://user:secret@host/db")).toBe("postgresql://user:***@host/db");
    expect(describeDatabase({ kind: "postgres", url: "postgresql://user:secret@host/db" })).toBe("PostgreSQL at postgresql://user:***@host/db");
    expect(describeDatabase({ kind: "pglite", dataDir: "memory://" })).toBe("embedded PGlite in memory");
  });

  it("builds the PostgreSQL adapter for a postgres URL and PGlite otherwise", async () => {
    const postgres = createAdapterFactory({ kind: "postgres", url: "postgresql://postgres@127.0.0.1:5432/test" });
    expect(postgres.factory.adapterName).toBe("@prisma/adapter-pg");
    expect(postgres.pglite).toBeUndefined();
    await postgres.close();

    const embedded = createAdapterFactory({ kind: "pglite", dataDir: "memory://" });
    try {
      expect(embedded.factory.adapterName).toMatch(/pglite/i);
      expect(embedded.pglite).toBeDefined();
    } finally {
      await embedded.close();
    }
  });
});

afterEach(async () => {
  // Nothing a test did may leak into the next: the next test starts from empty tables.
  await resetDatabase();
});
