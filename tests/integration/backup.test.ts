// Backup and restore on whichever back end this run uses: backup → restore into a fresh,
// migrated database → backup gives the same bytes; every table is in the file with its types
// kept; a non-empty database and a file of another format or version are refused; and a
// backup of the embedded database loads into this back end (PGlite → PostgreSQL on a
// PostgreSQL run).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { writeBackup } from "@/lib/backup/backup";
import { BackupError, checkBackup, readBackupFile, restoreBackup } from "@/lib/backup/restore";
import { db, useDatabase as pointDbAt } from "@/lib/db";
import { pgliteHandle, postgresHandle } from "@/lib/db/adapters";
import { readDatabaseConfig } from "@/lib/db/config";
import { appendDecision } from "@/lib/decisions/chain";
import { appTables, backend, createAgreement, createCouncillor, createStaff, rowCounts, setApprovalsNeeded } from "../helpers/database";
import { readMigrations } from "../helpers/migrations";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "twinning-backup-"));
const NOW = new Date("2026-11-28T09:00:00.000Z");
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string) => path.join(dir, name);

/** Points `db` at a new, empty, migrated database of this run's kind (or an in-memory PGlite). */
async function freshDatabase(kind = backend()): Promise<void> {
  if (kind === "pglite") {
    const snapshot = inject("pgliteSnapshot");
    const pglite = snapshot ? new PGlite({ loadDataDir: new Blob([fs.readFileSync(snapshot)]) }) : new PGlite("memory://");
    await pglite.waitReady;
    if (!snapshot) for (const migration of readMigrations()) await pglite.exec(migration.sql);
    await pointDbAt(pgliteHandle(pglite));
    return;
  }
  const config = readDatabaseConfig(process.env);
  if (config.kind !== "postgres") throw new Error("A PostgreSQL run needs DATABASE_URL=postgresql://…");
  const schema = `twinning_backup_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.query(`SET search_path TO "${schema}"`);
  for (const migration of readMigrations()) await admin.query(migration.sql);
  cleanups.push(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  await pointDbAt(postgresHandle(config.url, schema));
}

/** A little of everything: a cycle (suspended agreement ↔ its decision), a proposal with votes, decimals, dates, arrays, JSON, floats. */
async function seed(): Promise<void> {
  const staff = await createStaff();
  const councillor = await createCouncillor({ name: "Cllr Zoë O'Brien" });
  await setApprovalsNeeded(2);
  const active = await createAgreement({ status: "ACTIVE", createdBy: staff, partnerName: "Kiel" });
  const suspended = await createAgreement({ status: "SUSPENDED", createdBy: staff, partnerName: "Volgograd" });
  await createAgreement({ status: "TERMINATED", createdBy: staff });
  await createAgreement({ status: "DRAFT", createdBy: staff, relationshipType: "FRIENDSHIP_CITY" });
  await db.partner.update({ where: { id: active.partnerId }, data: { latitude: 54.3233, longitude: 10.122765, population: 246_601, region: "Schleswig-Holstein" } });
  await db.agreement.update({
    where: { id: active.id },
    data: { themes: ["CULTURE", "SPORT", "SHARED_NAME"], linkBegan: new Date("1947-01-01"), formalisedOn: new Date("1967-06-01"), internalNotes: 'Line one\nline "two" — ünïcödé' },
  });
  const proposal = await db.proposal.create({
    data: { agreementId: suspended.id, kind: "REINSTATEMENT", proposerId: staff.id, reason: "Talks resumed", publicReason: "Links restored", reference: "Cabinet 2026/12" },
  });
  await appendDecision(db, { agreementId: suspended.id, proposalId: proposal.id, kind: "PROPOSED", actorId: staff.id, fromStatus: "SUSPENDED", toStatus: "ACTIVE", reason: "Talks resumed" });
  await appendDecision(db, { agreementId: suspended.id, proposalId: proposal.id, kind: "APPROVED", actorId: councillor.id, voteKey: `${proposal.id}:${councillor.id}` });
  await db.exchange.create({
    data: {
      agreementId: active.id,
      kind: "SCHOOL_OR_YOUTH_EXCHANGE",
      direction: "OUTBOUND",
      startDate: new Date("2025-04-07"),
      endDate: new Date("2025-04-14"),
      participantCount: 32,
      cost: "12345.67",
      currency: "EUR",
      fundingSource: "EU_PROGRAMME",
      outcomes: "Sailing week",
      visibility: "PUBLIC",
      createdById: staff.id,
    },
  });
  await db.exchange.create({ data: { agreementId: active.id, kind: "VIRTUAL_MEETING", direction: "JOINT", startDate: new Date("2026-01-15"), createdById: staff.id } });
  await db.event.create({
    data: { agreementId: active.id, title: "80th anniversary", kind: "ANNIVERSARY", startsAt: new Date("2027-05-01T17:30:00.123Z"), place: "Kiel", visibility: "PUBLIC", createdById: staff.id },
  });
  await db.auditLog.create({ data: { actorId: staff.id, actorEmail: staff.email, action: "exchange.create", details: { nested: { list: [1, 2.5, "x"], ok: true }, empty: null } } });
}

async function roundTrip(): Promise<{ first: string; second: string }> {
  const first = file(`first-${randomBytes(3).toString("hex")}.json`);
  const second = file(`second-${randomBytes(3).toString("hex")}.json`);
  await writeBackup(first, { now: NOW });
  await freshDatabase();
  await restoreBackup(readBackupFile(first));
  await writeBackup(second, { now: NOW });
  return { first, second };
}

describe(`backup and restore (${backend()})`, { timeout: 240_000 }, () => {
  let first = "";

  it("round trip: backup → restore into a fresh database → backup gives an identical file", async () => {
    await seed();
    const counts = await rowCounts();
    const files = await roundTrip();
    first = files.first;
    expect(fs.readFileSync(files.second, "utf8")).toBe(fs.readFileSync(files.first, "utf8"));
    expect(await rowCounts()).toEqual(counts);
    // The restored suspended agreement points at its decision again (the cycle was closed).
    const suspended = await db.agreement.findFirst({ where: { status: "SUSPENDED" }, select: { statusDecisionId: true, statusDecision: { select: { toStatus: true } } } });
    expect(suspended?.statusDecision?.toStatus).toBe("SUSPENDED");
  });

  it("writes every table, discovered from the database, with types kept", async () => {
    const backup = JSON.parse(fs.readFileSync(first, "utf8")) as { format: string; version: number; createdAt: string; tables: Record<string, Record<string, unknown>[]> };
    expect(Object.keys(backup)).toEqual(["format", "version", "createdAt", "tables"]);
    expect(backup).toMatchObject({ format: "twinning-office-backup", version: 1, createdAt: NOW.toISOString() });
    expect(Object.keys(backup.tables)).toEqual(await appTables());
    const exchange = backup.tables.Exchange!.find((row) => row.kind === "SCHOOL_OR_YOUTH_EXCHANGE")!;
    expect(exchange).toMatchObject({ cost: "12345.67", currency: "EUR", startDate: "2025-04-07", endDate: "2025-04-14", participantCount: 32 });
    expect(exchange.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Object.keys(exchange)).toEqual(Object.keys(exchange).sort());
    expect(backup.tables.Event![0]).toMatchObject({ startsAt: "2027-05-01T17:30:00.123Z", endsAt: null });
    expect(backup.tables.Partner!.find((row) => row.name === "Kiel")).toMatchObject({ latitude: 54.3233, longitude: 10.122765, population: 246601 });
    expect(backup.tables.Agreement!.find((row) => Array.isArray(row.themes) && row.themes.length === 3)).toMatchObject({
      themes: ["CULTURE", "SPORT", "SHARED_NAME"],
      linkBegan: "1947-01-01",
      internalNotes: 'Line one\nline "two" — ünïcödé',
    });
    expect(backup.tables.AuditLog![0]!.details).toEqual({ nested: { list: [1, 2.5, "x"], ok: true }, empty: null });
    expect(backup.tables.CouncilSettings).toEqual([expect.objectContaining({ id: 1, approvalsNeeded: 2 })]);
  });

  it("refuses a database that is not empty, and changes nothing", async () => {
    const counts = await rowCounts();
    const error = await restoreBackup(readBackupFile(first)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/^The database is not empty \(\w+ has \d+ rows?\): restore only into an empty, migrated database\.$/);
    expect(await rowCounts()).toEqual(counts);
  });

  it("refuses an unknown format, an unknown version, a table this schema lacks, and a file that is not JSON", async () => {
    expect(() => checkBackup({ format: "something-else", version: 1, tables: {} })).toThrow(/is not a Twinning Office backup/);
    expect(() => checkBackup({ format: "twinning-office-backup", version: 2, tables: {} })).toThrow(/backup of version 2; this version of Twinning Office reads version 1 only/);
    expect(() => checkBackup({ format: "twinning-office-backup", version: 1, tables: { Partner: [1] } })).toThrow(/must be a list of rows/);
    const notJson = file("not-json.json");
    fs.writeFileSync(notJson, "{ nope");
    expect(() => readBackupFile(notJson)).toThrow(/it is not valid JSON/);
    expect(() => readBackupFile(file("missing.json"))).toThrow(/no such file/);
    await freshDatabase();
    const future = checkBackup({ format: "twinning-office-backup", version: 1, createdAt: "", tables: { Spaceship: [{ id: 1 }] } });
    await expect(restoreBackup(future)).rejects.toThrow(/has a table "Spaceship" that this database does not/);
  });

  it("moves the embedded database's data to this back end (PGlite → PostgreSQL on a PostgreSQL run)", async () => {
    await freshDatabase("pglite");
    await seed();
    const source = file("from-pglite.json");
    await writeBackup(source, { now: NOW });
    await freshDatabase();
    await restoreBackup(readBackupFile(source));
    const again = file("again.json");
    await writeBackup(again, { now: NOW });
    expect(fs.readFileSync(again, "utf8")).toBe(fs.readFileSync(source, "utf8"));
  });
});
