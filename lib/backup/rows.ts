// Rows in and out of the database as plain JSON, with their types kept: timestamps as ISO 8601
// strings in UTC, dates as YYYY-MM-DD, numerics and 64-bit integers as strings (no rounding),
// arrays and JSON as they are. Writing goes through json_populate_recordset, so one statement
// loads a batch of thousands of rows and PostgreSQL itself converts every value to its column type.
import { compareNames, quoteIdent, type Column, type Sql, type Table } from "./catalog";

export type Row = Record<string, unknown>;

const TEXT_TYPES = new Set(["text", "character varying", "character"]);

/** The SQL that turns one column into its JSON value in a backup. */
function columnJson(column: Column): string {
  const c = quoteIdent(column.name);
  const fraction = (column.precision ?? 6) <= 3 ? "MS" : "US";
  switch (column.dataType) {
    case "timestamp with time zone":
      return `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.${fraction}"Z"')`;
    case "timestamp without time zone":
      return `to_char(${c}, 'YYYY-MM-DD"T"HH24:MI:SS.${fraction}"Z"')`;
    case "date":
      return `to_char(${c}, 'YYYY-MM-DD')`;
    case "numeric":
    case "bigint":
    case "money":
    case "bytea":
    case "interval":
    case "time without time zone":
    case "time with time zone":
      return `${c}::text`;
    default:
      return `to_jsonb(${c})`;
  }
}

/** SELECT … producing one JSON text per row (keys in code-point order), ordered by primary key. */
export function selectRowsSql(table: Table): string {
  const columns = [...table.columns].sort((a, b) => compareNames(a.name, b.name));
  const chunks: string[] = [];
  // jsonb_build_object takes at most 100 arguments: 50 columns per call.
  for (let i = 0; i < columns.length; i += 50) {
    const pairs = columns.slice(i, i + 50).map((column) => `'${column.name.replace(/'/g, "''")}', ${columnJson(column)}`);
    chunks.push(`jsonb_build_object(${pairs.join(", ")})`);
  }
  const json = chunks.join(" || ");
  // Text keys in byte order, whatever the database's collation; without a primary key, the row's own JSON.
  const orderBy =
    table.primaryKey.length > 0
      ? table.primaryKey
          .map((name) => {
            const column = table.columns.find((c) => c.name === name);
            return column && TEXT_TYPES.has(column.dataType) ? `${quoteIdent(name)} COLLATE "C"` : quoteIdent(name);
          })
          .join(", ")
      : `(${json})::text COLLATE "C"`;
  return `SELECT (${json})::text AS row FROM ${quoteIdent(table.name)} ORDER BY ${orderBy}`;
}

/** Parses a row's JSON and rebuilds it with its keys in code-point order (a stable file). */
export function normaliseRow(json: string): Row {
  const parsed = JSON.parse(json) as Row;
  const row: Row = {};
  for (const key of Object.keys(parsed).sort(compareNames)) row[key] = parsed[key];
  return row;
}

/** Splits rows into batches of about `maxBytes` of JSON each (one statement per batch). */
export function* batches(rows: readonly Row[], maxBytes = 2_000_000, maxRows = 5_000): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const row of rows) {
    const json = JSON.stringify(row);
    parts.push(json);
    size += json.length + 1;
    if (size >= maxBytes || parts.length >= maxRows) {
      yield `[${parts.join(",")}]`;
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield `[${parts.join(",")}]`;
}

export type InsertOptions = {
  /** Called after each statement with the rows it inserted. */
  onBatch?: (count: number) => void;
  /** At most this many rows per statement (else about 2 MB of JSON, at most 5,000 rows). */
  rowsPerStatement?: number;
  /**
   * Awaited between statements: a caller on the thread that answers requests (embedded PGlite
   * runs each statement there) lets other requests have a turn.
   */
  betweenStatements?: () => Promise<void>;
};

/**
 * The one bulk inserter (backup's restore, the decision chain, the import, the scale seed): rows
 * (objects keyed by column name) travel as one JSON parameter per statement, and PostgreSQL
 * converts each value to its column's type (json_populate_recordset over the table's own row
 * type), rather than one bound parameter per value as Prisma's createMany sends. `columns` are
 * the columns written; any other takes its default. A Date becomes its ISO 8601 instant, which a
 * `date` column reads as its calendar day (the app's dates are UTC midnights).
 */
export async function insertRows(sql: Sql, table: string, columns: readonly string[], rows: readonly Row[], options: InsertOptions = {}): Promise<number> {
  if (rows.length === 0) return 0;
  const list = columns.map(quoteIdent).join(", ");
  const statement = `INSERT INTO ${quoteIdent(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`;
  let inserted = 0;
  let first = true;
  for (const batch of batches(rows, undefined, options.rowsPerStatement)) {
    if (!first) await options.betweenStatements?.();
    first = false;
    const count = await sql.$executeRawUnsafe(statement, batch);
    inserted += count;
    options.onBatch?.(count);
  }
  return inserted;
}

/** Sets `columns` on rows already inserted, matched by primary key (the second half of a cycle). */
export async function updateRows(sql: Sql, table: Table, columns: readonly string[], rows: readonly Row[]): Promise<void> {
  if (rows.length === 0 || columns.length === 0) return;
  if (table.primaryKey.length === 0) throw new Error(`Cannot update ${table.name} after loading: it has no primary key.`);
  const set = columns.map((column) => `${quoteIdent(column)} = r.${quoteIdent(column)}`).join(", ");
  const match = table.primaryKey.map((column) => `t.${quoteIdent(column)} = r.${quoteIdent(column)}`).join(" AND ");
  const statement = `UPDATE ${quoteIdent(table.name)} AS t SET ${set} FROM json_populate_recordset(NULL::${quoteIdent(table.name)}, $1::json) AS r WHERE ${match}`;
  const keys = [...table.primaryKey, ...columns];
  const slim = rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key] ?? null])));
  for (const batch of batches(slim)) await sql.$executeRawUnsafe(statement, batch);
}

/** Moves sequences (serial and identity columns) past the loaded rows. */
export async function resetSequences(sql: Sql, table: Table): Promise<void> {
  for (const column of table.columns) {
    if (!column.defaultSql?.startsWith("nextval(")) continue;
    const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
    await sql.$queryRawUnsafe(
      `SELECT setval(pg_get_serial_sequence(${literal(quoteIdent(table.name))}, ${literal(column.name)}), COALESCE(MAX(${quoteIdent(column.name)}), 0) + 1, false) FROM ${quoteIdent(table.name)}`,
    );
  }
}
