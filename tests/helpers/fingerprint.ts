// A fingerprint of the whole database: every app table's row count and a hash of its rows
// (PGlite and PostgreSQL alike). Two equal fingerprints mean the same rows, whatever the table;
// a table added by a later migration is included without a change here.
import { db } from "@/lib/db";
import { appTables } from "./database";

export type Fingerprint = Record<string, { rows: number; hash: string }>;

/**
 * A table's hash is the sum of its rows' hashes (each the first 60 bits of the md5 of the row's
 * JSON), so it does not depend on storage order and moves with each row written. Hashing every
 * table after every call grew with the rows the calls saved (most of the bad-input suite's time):
 * so the first fingerprint sums each table once, and installs row and TRUNCATE triggers that keep
 * the count and the sum up to date in a schema beside the tables' own (no app table is added,
 * and each test file's schema on PostgreSQL has its own). A rolled-back write rolls its update
 * back too; a fingerprint is then one small read, however many rows the tables hold.
 */
let tracked: { log: string; tables: string } | undefined;

const ROW_HASH = (row: string) => `('x' || substr(md5(row_to_json(${row})::text), 1, 15))::bit(60)::bigint::numeric`;

async function track(tables: readonly string[]): Promise<string> {
  const [{ schema } = { schema: "public" }] = await db.$queryRaw<{ schema: string }[]>`SELECT current_schema() AS schema`;
  const log = `"${schema}_fingerprint"`;
  await db.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS ${log}`);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${log}.tables`);
  await db.$executeRawUnsafe(`CREATE TABLE ${log}.tables (name text PRIMARY KEY, rows bigint NOT NULL, hash numeric NOT NULL)`);
  await db.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION ${log}.note_rows() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'INSERT' THEN
         UPDATE ${log}.tables SET rows = rows + 1, hash = hash + ${ROW_HASH("NEW")} WHERE name = TG_TABLE_NAME;
       ELSIF TG_OP = 'DELETE' THEN
         UPDATE ${log}.tables SET rows = rows - 1, hash = hash - ${ROW_HASH("OLD")} WHERE name = TG_TABLE_NAME;
       ELSIF NEW IS DISTINCT FROM OLD THEN
         UPDATE ${log}.tables SET hash = hash - ${ROW_HASH("OLD")} + ${ROW_HASH("NEW")} WHERE name = TG_TABLE_NAME;
       END IF;
       RETURN NULL;
     END $$`,
  );
  await db.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION ${log}.note_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN UPDATE ${log}.tables SET rows = 0, hash = 0 WHERE name = TG_TABLE_NAME; RETURN NULL; END $$`,
  );
  for (const table of tables) {
    await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER fingerprint_rows AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${log}.note_rows()`);
    await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER fingerprint_truncate AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION ${log}.note_truncate()`);
    await db.$executeRawUnsafe(`INSERT INTO ${log}.tables (name, rows, hash) SELECT '${table}', count(*), coalesce(sum(${ROW_HASH("t")}), 0) FROM "${table}" t`);
  }
  return log;
}

export async function fingerprint(): Promise<Fingerprint> {
  const tables = await appTables();
  const key = tables.join(",");
  if (tracked?.tables !== key) tracked = { log: await track(tables), tables: key };
  const rows = await db.$queryRawUnsafe<{ name: string; rows: bigint | number; hash: string }[]>(`SELECT name, rows, hash::text AS hash FROM ${tracked.log}.tables`);
  return Object.fromEntries(rows.map((row) => [row.name, { rows: Number(row.rows), hash: row.hash }]));
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name]?.hash !== after[name]?.hash || before[name]?.rows !== after[name]?.rows).sort();
}

/**
 * The tables and columns holding exactly this value (to show that accepted text was saved as
 * typed), in one query; `among` first looks only in those tables (the ones a call wrote), and in
 * every table when none of them holds it.
 */
export async function tablesHolding(value: string, among: readonly string[] = []): Promise<string[]> {
  if (among.length > 0) {
    const found = await placesHolding(value, among);
    if (found.length > 0) return found;
  }
  return placesHolding(value, await appTables());
}

async function placesHolding(value: string, tables: readonly string[]): Promise<string[]> {
  const parts = tables.map(
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
