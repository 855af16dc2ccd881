// A fingerprint of the whole database: every app table's row count and a hash of its rows
// (PGlite and PostgreSQL alike). Two equal fingerprints mean nothing was written, whatever
// the table; a table added by a later migration is included without a change here.
import { db } from "@/lib/db";
import { appTables } from "./database";

export type Fingerprint = Record<string, { rows: number; hash: string }>;

/** Each table's row count and a hash of its rows, sorted by their JSON text so the hash does not depend on storage order. */
function hashSql(tables: readonly string[]): string {
  return tables
    .map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text), '')) AS hash FROM "${table}" t`,
    )
    .join("\nUNION ALL\n");
}

async function hashTables(tables: readonly string[]): Promise<Fingerprint> {
  if (tables.length === 0) return {};
  const rows = await db.$queryRawUnsafe<{ name: string; rows: number; hash: string }[]>(hashSql(tables));
  return Object.fromEntries(rows.map((row) => [row.name, { rows: Number(row.rows), hash: row.hash }]));
}

/**
 * Hashing every table after every call grew with the rows the calls saved (most of the bad-input
 * suite's time). So the first fingerprint installs row and TRUNCATE triggers that note which
 * tables were written, in a schema beside the tables' own (no app table is added, and each test
 * file's schema on PostgreSQL has its own); later fingerprints hash only the tables written since
 * and reuse the hashes of the rest. The hashes compared are the same as before.
 */
let tracked: { schema: string; tables: string; fingerprint: Fingerprint } | undefined;

async function track(tables: readonly string[]): Promise<string> {
  const [{ schema } = { schema: "public" }] = await db.$queryRaw<{ schema: string }[]>`SELECT current_schema() AS schema`;
  const log = `"${schema}_fingerprint"`;
  await db.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS ${log}`);
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS ${log}.written (name text PRIMARY KEY)`);
  await db.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION ${log}.note_write() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN INSERT INTO ${log}.written (name) VALUES (TG_TABLE_NAME) ON CONFLICT DO NOTHING; RETURN NULL; END $$`,
  );
  for (const table of tables) {
    await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER fingerprint_rows AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${log}.note_write()`);
    await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER fingerprint_truncate AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION ${log}.note_write()`);
  }
  await db.$executeRawUnsafe(`DELETE FROM ${log}.written`);
  return schema;
}

export async function fingerprint(): Promise<Fingerprint> {
  const tables = await appTables();
  const key = tables.join(",");
  if (tracked?.tables !== key) {
    const schema = await track(tables);
    tracked = { schema, tables: key, fingerprint: await hashTables(tables) };
  } else {
    const written = await db.$queryRawUnsafe<{ name: string }[]>(`DELETE FROM "${tracked.schema}_fingerprint".written RETURNING name`);
    Object.assign(tracked.fingerprint, await hashTables(written.map((row) => row.name).filter((name) => name in tracked!.fingerprint)));
  }
  return structuredClone(tracked.fingerprint);
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name]?.hash !== after[name]?.hash || before[name]?.rows !== after[name]?.rows).sort();
}

/** The tables and columns holding exactly this value (to show that accepted text was saved as typed), in one query. */
export async function tablesHolding(value: string): Promise<string[]> {
  const parts = (await appTables()).map(
    (table) => `SELECT DISTINCT '${table}.' || e.key AS place FROM "${table}" t, jsonb_each(to_jsonb(t)) e
       WHERE (jsonb_typeof(e.value) = 'string' AND e.value #>> '{}' = $1)
          OR (jsonb_typeof(e.value) = 'array' AND e.value @> jsonb_build_array($1::text))`,
  );
  const rows = await db.$queryRawUnsafe<{ place: string }[]>(parts.join("\nUNION ALL\n"), value);
  return rows.map((row) => row.place).sort();
}

/** Whether any row of any table contains this text anywhere (e.g. a marker that must never be saved). */
export async function databaseContains(text: string): Promise<boolean> {
  for (const table of await appTables()) {
    const [row] = await db.$queryRawUnsafe<{ found: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM "${table}" t WHERE strpos(to_jsonb(t)::text, $1) > 0) AS found`, text);
    if (row?.found) return true;
  }
  return false;
}
