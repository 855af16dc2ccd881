// Inserts many rows a thousand at a time: the rows travel as one JSON parameter and PostgreSQL
// turns them into records (jsonb_to_recordset). Prisma's createMany sends every value as its own
// parameter, which on embedded PGlite took ~4 ms a row (20 s for a 5,000-row import); this takes
// a tenth of that. Only for the import; every other write goes through Prisma's typed API.
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";

/** A column and its PostgreSQL type, as in prisma/migrations (enums by their quoted type name). */
export type BulkColumn<Row> = readonly [name: keyof Row & string, sqlType: string];

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const SQL_TYPE = /^(uuid|text|date|timestamptz|integer|double precision|"[A-Za-z]+")(\[\])?$/;

/** Dates as the text PostgreSQL reads back exactly: a calendar date for `date`, an instant for `timestamptz`. */
function jsonValue(value: unknown, sqlType: string): unknown {
  if (value instanceof Date) return sqlType === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  return value ?? null;
}

/**
 * Rows per statement. Between statements other requests get a turn: on embedded PGlite a
 * statement runs on the thread that answers requests (10,000 rows in one held it for seconds).
 */
const ROWS_PER_STATEMENT = 1000;

export async function bulkInsert<Row extends Record<string, unknown>>(tx: Tx, table: "Partner" | "Agreement", columns: readonly BulkColumn<Row>[], rows: readonly Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  for (const [name, sqlType] of columns) {
    // Names and types are constants in code, never input; checked all the same, as they are spliced into SQL.
    if (!IDENTIFIER.test(name) || !SQL_TYPE.test(sqlType)) throw new Error(`bulkInsert: bad column ${name} ${sqlType}`);
  }
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const definitions = columns.map(([name, sqlType]) => `"${name}" ${sqlType}`).join(", ");
  let inserted = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const json = JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => Object.fromEntries(columns.map(([name, sqlType]) => [name, jsonValue(row[name], sqlType)]))));
    inserted += await tx.$executeRaw(Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(names)})
      SELECT ${Prisma.raw(names)} FROM jsonb_to_recordset(${json}::jsonb) AS x(${Prisma.raw(definitions)})`);
  }
  return inserted;
}
