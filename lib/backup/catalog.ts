// What the database itself says about its tables: names, columns, primary keys, foreign keys
// and CHECK constraints, read from the catalog of the current schema. Backup, restore and the
// scale seed rely on this instead of a list of tables, so a table that a later migration adds
// is covered without touching them.
import type { Tx } from "@/lib/db";

/** The part of the Prisma client these helpers need (`db` or a transaction client). */
export type Sql = Pick<Tx, "$queryRawUnsafe" | "$executeRawUnsafe">;

export type Column = {
  name: string;
  /** information_schema data_type, e.g. "uuid", "timestamp with time zone", "ARRAY", "USER-DEFINED". */
  dataType: string;
  nullable: boolean;
  hasDefault: boolean;
  /** The default's SQL (a sequence-backed column reads "nextval(…)"). */
  defaultSql: string | null;
  /** Fractional-second digits of a timestamp column. */
  precision: number | null;
};

export type ForeignKey = { name: string; columns: string[]; references: string };

export type Table = {
  name: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** Column sets of CHECK constraints (a CHECK can tie a deferred foreign key to another column). */
  checks: string[][];
};

/** Prisma's own bookkeeping: never backed up, restored or counted. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function readCatalog(sql: Sql): Promise<Table[]> {
  const columns = await sql.$queryRawUnsafe<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; datetime_precision: number | null }[]>(
    `SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable::text, c.column_default::text,
            c.datetime_precision::int AS datetime_precision
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> '${MIGRATIONS_TABLE}'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const constraints = await sql.$queryRawUnsafe<{ table_name: string; name: string; type: string; columns: string; references: string | null }[]>(
    `SELECT rel.relname::text AS table_name, con.conname::text AS name, con.contype::text AS type,
            (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
               FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
            ref.relname::text AS references
     FROM pg_constraint con
     JOIN pg_class rel ON rel.oid = con.conrelid
     JOIN pg_namespace ns ON ns.oid = rel.relnamespace
     LEFT JOIN pg_class ref ON ref.oid = con.confrelid
     WHERE ns.nspname = current_schema() AND con.contype IN ('p', 'f', 'c') AND rel.relname <> '${MIGRATIONS_TABLE}'
     ORDER BY rel.relname, con.conname`,
  );
  const tables = new Map<string, Table>();
  for (const row of columns) {
    let table = tables.get(row.table_name);
    if (!table) {
      table = { name: row.table_name, columns: [], primaryKey: [], foreignKeys: [], checks: [] };
      tables.set(row.table_name, table);
    }
    table.columns.push({ name: row.column_name, dataType: row.data_type, nullable: row.is_nullable === "YES", hasDefault: row.column_default !== null,
      defaultSql: row.column_default,
      precision: row.datetime_precision === null ? null : Number(row.datetime_precision),
    });
  }
  for (const row of constraints) {
    const table = tables.get(row.table_name);
    if (!table) continue;
    const cols = (row.columns ?? "").split(",").filter(Boolean);
    if (row.type === "p") table.primaryKey = cols;
    else if (row.type === "f" && row.references) table.foreignKeys.push({ name: row.name, columns: cols, references: row.references });
    else if (row.type === "c") table.checks.push(cols);
  }
  return [...tables.values()].sort((a, b) => compareNames(a.name, b.name));
}

/** Code-point order, the same on every machine and locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function rowCount(sql: Sql, table: string): Promise<number> {
  const [row] = await sql.$queryRawUnsafe<{ count: bigint | number | string }[]>(`SELECT count(*) AS count FROM ${quoteIdent(table)}`);
  return Number(row?.count ?? 0);
}

/** The first table with rows in it, or null when every table is empty. */
export async function firstNonEmptyTable(sql: Sql, tables: readonly Table[]): Promise<{ table: string; rows: number } | null> {
  for (const table of tables) {
    const rows = await rowCount(sql, table.name);
    if (rows > 0) return { table: table.name, rows };
  }
  return null;
}

export type InsertPlan = {
  /** Tables in an order where every foreign key points at a table already loaded. */
  order: string[];
  /** Per table, columns left to their default on insert and set by an UPDATE once every table is loaded. */
  deferred: Map<string, string[]>;
};

/**
 * Orders tables so that foreign keys are satisfied (Kahn's algorithm). A cycle, such as
 * Agreement.statusDecisionId ↔ Decision.agreementId, is broken at a table whose remaining
 * references are all nullable: those columns are inserted as NULL (with every column that
 * shares a CHECK constraint with them left to its default) and set afterwards.
 */
export function planInserts(tables: readonly Table[]): InsertPlan {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const deferred = new Map<string, Set<string>>();
  const defer = (table: Table, columns: readonly string[]) => {
    const set = deferred.get(table.name) ?? new Set<string>();
    for (const column of columns) set.add(column);
    // A CHECK over a deferred column (e.g. status SUSPENDED needs statusDecisionId) defers its other columns too.
    let grew = true;
    while (grew) {
      grew = false;
      for (const check of table.checks) {
        if (check.some((column) => set.has(column)) && check.some((column) => !set.has(column))) {
          for (const column of check) set.add(column);
          grew = true;
        }
      }
    }
    deferred.set(table.name, set);
  };
  const pending = (table: Table, done: Set<string>) =>
    table.foreignKeys.filter((fk) => fk.references !== table.name && byName.has(fk.references) && !done.has(fk.references) && !fk.columns.every((c) => deferred.get(table.name)?.has(c)));
  // A row may point at a later row of its own table.
  for (const table of tables) {
    const selfRefs = table.foreignKeys.filter((fk) => fk.references === table.name && fk.columns.every((c) => isNullable(table, c)));
    if (selfRefs.length > 0) defer(table, selfRefs.flatMap((fk) => fk.columns));
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((table) => !done.has(table.name) && pending(table, done).length === 0);
    if (ready.length > 0) {
      for (const table of ready) {
        order.push(table.name);
        done.add(table.name);
      }
      continue;
    }
    const breakable = tables
      .filter((table) => !done.has(table.name))
      .map((table) => ({ table, fks: pending(table, done) }))
      .filter(({ table, fks }) => fks.every((fk) => fk.columns.every((c) => isNullable(table, c))))
      .sort((a, b) => a.fks.length - b.fks.length || compareNames(a.table.name, b.table.name))[0];
    if (!breakable) {
      const stuck = tables.filter((table) => !done.has(table.name)).map((table) => table.name);
      throw new Error(`Cannot order tables for loading: a cycle of NOT NULL foreign keys between ${stuck.join(", ")}.`);
    }
    defer(breakable.table, breakable.fks.flatMap((fk) => fk.columns));
  }
  for (const [name, columns] of deferred) {
    const table = byName.get(name)!;
    for (const column of columns) {
      if (!isNullable(table, column) && !hasDefault(table, column)) {
        throw new Error(`Cannot load ${name}: column ${column} would have to be filled later but is NOT NULL without a default.`);
      }
    }
  }
  return { order, deferred: new Map([...deferred].map(([name, set]) => [name, [...set].sort(compareNames)])) };
}

function isNullable(table: Table, column: string): boolean {
  return table.columns.find((c) => c.name === column)?.nullable ?? false;
}

function hasDefault(table: Table, column: string): boolean {
  return table.columns.find((c) => c.name === column)?.hasDefault ?? false;
}
