// A fingerprint of the whole database: every app table's row count and a hash of its rows, in one
// query (PGlite and PostgreSQL alike). Two equal fingerprints mean nothing was written, whatever
// the table; a table added by a later migration is included without a change here.
import { db } from "@/lib/db";
import { appTables } from "./database";

export type Fingerprint = Record<string, { rows: number; hash: string }>;

let query: { tables: string; sql: string } | undefined;

/** One SELECT over every table: rows sorted by their JSON text, so the hash does not depend on storage order. */
async function fingerprintSql(): Promise<string> {
  const tables = await appTables();
  const key = tables.join(",");
  if (query?.tables !== key) {
    const parts = tables.map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text), '')) AS hash FROM "${table}" t`,
    );
    query = { tables: key, sql: parts.join("\nUNION ALL\n") };
  }
  return query.sql;
}

export async function fingerprint(): Promise<Fingerprint> {
  const rows = await db.$queryRawUnsafe<{ name: string; rows: number; hash: string }[]>(await fingerprintSql());
  return Object.fromEntries(rows.map((row) => [row.name, { rows: Number(row.rows), hash: row.hash }]));
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
