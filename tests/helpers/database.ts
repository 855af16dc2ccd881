// Integration test harness (a Vitest setupFile for tests/integration/**): every test FILE gets a
// fresh, migrated database and `db` (lib/db) points at it.
//  - Embedded (default): PGlite restored from the snapshot that global-setup.ts cached.
//  - DATABASE_URL=postgresql://…: a fresh schema with a random name in that database, with the
//    migration SQL applied in it; dropped when the file ends.
// Test files import resetDatabase() and the factories below.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import type { AgreementStatus, RelationshipType, Role } from "@/generated/prisma/enums";
// Renamed on import: a name starting with "use" reads as a React hook to the linter.
import { closeDatabase, db, useDatabase as pointDbAt } from "@/lib/db";
import { pgliteHandle, postgresHandle } from "@/lib/db/adapters";
import { readDatabaseConfig } from "@/lib/db/config";
import { hashPassword } from "@/lib/auth/password";
import { partnerIdentityKey, slugify } from "@/lib/agreements/partners";
import { appendDecision } from "@/lib/decisions/chain";
import type { Actor } from "@/lib/domain/permissions";
import { createAgreementSchema, type CreateAgreementInput } from "@/lib/domain/validation/agreement";
import { readMigrations } from "./migrations";

export type Backend = "pglite" | "postgres";

type TestDatabase = { backend: Backend; close(): Promise<void> };

let current: TestDatabase | undefined;

/** Which back end this run uses (from DATABASE_URL, like the app). */
export function backend(): Backend {
  return readDatabaseConfig(process.env).kind;
}

async function openPglite(): Promise<TestDatabase> {
  const snapshot = inject("pgliteSnapshot");
  if (!snapshot || !fs.existsSync(snapshot)) throw new Error(`The PGlite snapshot is missing (${snapshot || "not provided"}): run the integration tests through vitest so global-setup.ts builds it.`);
  const pglite = new PGlite({ loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
  await pglite.waitReady;
  await pointDbAt(pgliteHandle(pglite));
  return { backend: "pglite", close: () => closeDatabase() };
}

async function openPostgres(url: string): Promise<TestDatabase> {
  const schema = `twinning_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.query(`SET search_path TO "${schema}"`);
    for (const migration of readMigrations()) {
      try {
        await admin.query(migration.sql);
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed in schema ${schema}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } catch (error) {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await admin.end();
    throw error;
  }
  await pointDbAt(postgresHandle(url, schema));
  return {
    backend: "postgres",
    async close() {
      try {
        await closeDatabase();
      } finally {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      }
    },
  };
}

beforeAll(async () => {
  const config = readDatabaseConfig(process.env);
  current = config.kind === "postgres" ? await openPostgres(config.url) : await openPglite();
});

afterAll(async () => {
  await current?.close();
  current = undefined;
});

/** The app's tables in the current schema (picks up tables that later migrations add). */
export async function appTables(): Promise<string[]> {
  const rows = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_catalog.pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
    ORDER BY tablename`;
  return rows.map((row) => row.tablename);
}

/** Empties every app table (TRUNCATE fires no row triggers, so the append-only Decision table empties too). */
export async function resetDatabase(): Promise<void> {
  const tables = await appTables();
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((table) => `"${table}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Row counts of every app table, to show that a failed operation left nothing behind. */
export async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await appTables()) {
    const [row] = await db.$queryRawUnsafe<{ count: bigint | number }[]>(`SELECT count(*) AS count FROM "${table}"`);
    counts[table] = Number(row?.count ?? 0);
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Factories

export const TEST_PASSWORD = "correct-horse-battery-staple";

const hashes = new Map<string, Promise<string>>();
let sequence = 0;

function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}-${randomBytes(3).toString("hex")}`;
}

export type TestUser = Actor & { password: string };

/** A user with this role (argon2id-hashed password, like a real account). */
export async function createUser(role: Role, overrides: { email?: string; name?: string; password?: string; active?: boolean } = {}): Promise<TestUser> {
  const password = overrides.password ?? TEST_PASSWORD;
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  const passwordHash = await hashes.get(password)!;
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `${unique(role.toLowerCase())}@test.example`,
      name: overrides.name ?? unique(`Test ${role.toLowerCase()}`),
      role,
      active: overrides.active ?? true,
      passwordHash,
    },
    select: { id: true, email: true, name: true, role: true },
  });
  return { ...user, password };
}

export const createStaff = (overrides?: Parameters<typeof createUser>[1]) => createUser("STAFF", overrides);
export const createCouncillor = (overrides?: Parameters<typeof createUser>[1]) => createUser("COUNCILLOR", overrides);
export const createAdmin = (overrides?: Parameters<typeof createUser>[1]) => createUser("ADMIN", overrides);

/** The council's quorum (CouncilSettings id = 1). */
export async function setApprovalsNeeded(approvalsNeeded: number): Promise<void> {
  await db.councilSettings.upsert({ where: { id: 1 }, update: { approvalsNeeded }, create: { id: 1, approvalsNeeded } });
}

/** Valid input for createDraft / updateDraft, as the form would send it after validation. */
export function draftInput(overrides: Record<string, unknown> = {}): CreateAgreementInput {
  return createAgreementSchema.parse({
    partnerName: unique("Partner town"),
    country: "FR",
    region: "Hauts-de-France",
    localityKind: "TOWN",
    relationshipType: "TWIN_TOWN",
    purpose: "Friendship and school exchanges.",
    themes: ["CULTURE", "EDUCATION"],
    linkBegan: "1986-05-01",
    formalisedOn: "1987-06-01",
    publicSummary: "A test link.",
    internalNotes: "",
    ...overrides,
  });
}

export type TestAgreement = { id: string; version: number; status: AgreementStatus; partnerId: string; statusDecisionId: string | null };

/**
 * An agreement already in `status` (ACTIVE by default), written straight to the database as
 * an imported record: a partner, the agreement, and (unless DRAFT) an IMPORTED decision that
 * set its status.
 */
export async function createAgreement(
  options: { status?: AgreementStatus; createdBy?: Pick<Actor, "id">; partnerName?: string; relationshipType?: RelationshipType } = {},
): Promise<TestAgreement> {
  const status = options.status ?? "ACTIVE";
  const createdBy = options.createdBy ?? (await createStaff());
  const name = options.partnerName ?? unique("Partner");
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.create({
      data: { name, country: "DE", kind: "TOWN", slug: slugify(name), identityKey: partnerIdentityKey(name, "DE") },
      select: { id: true },
    });
    const agreement = await tx.agreement.create({
      data: {
        partnerId: partner.id,
        relationshipType: options.relationshipType ?? "TWIN_TOWN",
        title: `${name} link`,
        purpose: "Exchange and friendship.",
        themes: ["CULTURE"],
        createdById: createdBy.id,
        leadOfficerId: createdBy.id,
      },
      select: { id: true },
    });
    let statusDecisionId: string | null = null;
    if (status !== "DRAFT") {
      const decision = await appendDecision(tx, { agreementId: agreement.id, kind: "IMPORTED", actorId: createdBy.id, fromStatus: "DRAFT", toStatus: status, reason: "Imported for a test" });
      statusDecisionId = decision.id;
    }
    const updated = await tx.agreement.update({
      where: { id: agreement.id },
      data: { status, statusDecisionId },
      select: { id: true, version: true, status: true, partnerId: true, statusDecisionId: true },
    });
    return updated;
  });
}

/** The agreement as it is now (status, version). */
export async function reloadAgreement(id: string) {
  return db.agreement.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, version: true, statusDecisionId: true, partnerId: true, title: true, purpose: true } });
}
