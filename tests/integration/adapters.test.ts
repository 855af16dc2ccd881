// The driver-adapter fixes in lib/db/adapters.ts that the Prisma CLI relies on (migrate
// deploy, migrate dev, db pull), exercised directly on this run's back end without the slow
// CLI: whole migration scripts with dollar-quoted bodies, the shadow database that
// `migrate dev` replays the history into, and catalog column types the schema engine reads.
import { afterAll, describe, expect, it } from "vitest";
import { ColumnTypeEnum, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { postgresHandle, type AdapterHandle } from "@/lib/db/adapters";
import { readDatabaseConfig } from "@/lib/db/config";
import { embeddedDatabase } from "@/lib/db";
import { pgliteHandle } from "@/lib/db/adapters";
import { backend } from "../helpers/database";
import { readMigrations } from "../helpers/migrations";

const opened: { adapter: SqlDriverAdapter }[] = [];

/** A second handle on this run's database server (the harness's PGlite, or a new PostgreSQL pool). */
function handle(): AdapterHandle {
  const config = readDatabaseConfig(process.env);
  if (config.kind === "postgres") return postgresHandle(config.url);
  const pglite = embeddedDatabase();
  if (!pglite) throw new Error("The test database is not PGlite.");
  return pgliteHandle(pglite);
}

async function connect(): Promise<SqlDriverAdapter> {
  const adapter = await handle().factory.connect();
  opened.push({ adapter });
  return adapter;
}

afterAll(async () => {
  // Dispose pools we opened (PGlite's adapter shares the harness's instance: its dispose is a no-op).
  for (const { adapter } of opened) await adapter.dispose();
});

describe(`driver adapter for the Prisma CLI (${backend()})`, () => {
  it("runs a whole script with dollar-quoted bodies as one script", async () => {
    const adapter = await connect();
    await adapter.executeScript(`
      CREATE TEMP TABLE "script_check" (n int);
      DO $$ BEGIN INSERT INTO "script_check" VALUES (1); INSERT INTO "script_check" VALUES (2); END $$;
      INSERT INTO "script_check" VALUES (3);
    `);
    const result = await adapter.queryRaw({ sql: `SELECT count(*)::int AS n FROM "script_check"`, args: [], argTypes: [] });
    expect(result.rows).toEqual([[3]]);
    await adapter.executeScript(`DROP TABLE "script_check"`);
  });

  it("reports catalog columns the schema engine reads with types it accepts", async () => {
    const adapter = await connect();
    const result = await adapter.queryRaw({ sql: `SELECT 'c'::"char" AS kind, 'pg_class'::name AS name`, args: [], argTypes: [] });
    // "char" must be Character (as Text, `migrate dev` and `db pull` panicked on CHECK constraints).
    expect(result.columnTypes).toEqual([ColumnTypeEnum.Character, ColumnTypeEnum.Text]);
    expect(result.rows).toEqual([["c", "pg_class"]]);
  });

  it.runIf(backend() === "postgres")("reports regclass and name[] (unknown to @prisma/adapter-pg) as text", async () => {
    const adapter = await connect();
    const result = await adapter.queryRaw({ sql: `SELECT 'pg_class'::regclass AS cls, ARRAY['a','b']::name[] AS names`, args: [], argTypes: [] });
    expect(result.columnTypes).toEqual([ColumnTypeEnum.Text, ColumnTypeEnum.TextArray]);
  });

  it("reads the CHECK constraints of the schema (what `migrate dev` introspects)", async () => {
    const adapter = await connect();
    const result = await adapter.queryRaw({
      sql: `SELECT DISTINCT constr.conname AS name, constr.contype AS type FROM pg_constraint constr WHERE constr.contype = 'c' AND constr.conname = 'CouncilSettings_single_row'`,
      args: [],
      argTypes: [],
    });
    expect(result.columnTypes).toEqual([ColumnTypeEnum.Text, ColumnTypeEnum.Character]);
    expect(result.rows).toEqual([["CouncilSettings_single_row", "c"]]);
  });

  it("replays the whole migration history into a shadow database and removes it afterwards", async () => {
    const factory = handle().factory;
    const shadow = await factory.connectToShadowDb();
    let shadowName: string | undefined;
    try {
      if (backend() === "postgres") {
        const current = await shadow.queryRaw({ sql: "SELECT current_database() AS name", args: [], argTypes: [] });
        shadowName = String(current.rows[0]?.[0]);
        expect(shadowName).toMatch(/^prisma_migrate_shadow_db_/);
      }
      for (const migration of readMigrations()) await shadow.executeScript(migration.sql);
      const tables = await shadow.queryRaw({
        sql: `SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('User', 'Agreement', 'Decision')`,
        args: [],
        argTypes: [],
      });
      expect(tables.rows).toEqual([[3]]);
    } finally {
      await shadow.dispose();
    }
    if (shadowName) {
      const main = await connect();
      const left = await main.queryRaw({ sql: "SELECT count(*)::int FROM pg_database WHERE datname = $1", args: [shadowName], argTypes: [{ scalarType: "string", arity: "scalar" }] });
      expect(left.rows).toEqual([[0]]);
    }
    // On PGlite the shadow database is a new in-memory PGlite: initdb in WebAssembly takes a while.
  }, 120_000);
});
