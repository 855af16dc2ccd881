// `npm run restore -- file.json`: loads a backup into an EMPTY, migrated database of either
// kind (PGlite or PostgreSQL), in one transaction, in foreign-key order.
import fs from "node:fs";
import { db } from "@/lib/db";
import { BACKUP_FORMAT, BACKUP_VERSION, LONG_TRANSACTION } from "./backup";
import { firstNonEmptyTable, planInserts, readCatalog, type Table } from "./catalog";
import { insertRows, resetSequences, updateRows, type Row } from "./rows";

/** A backup that cannot be restored here; its message is the one line the user sees. */
export class BackupError extends Error {
  override name = "BackupError";
}

export type Backup = { format: string; version: number; createdAt: string; tables: Record<string, Row[]> };

export function readBackupFile(file: string): Backup {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupError(`${file} is not a Twinning Office backup: it is not valid JSON.`);
  }
  return checkBackup(parsed, file);
}

/** Checks the envelope: format name, a version this code can read, and a table → rows map. */
export function checkBackup(value: unknown, source = "The file"): Backup {
  const object = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (!object || object.format !== BACKUP_FORMAT) {
    throw new BackupError(`${source} is not a Twinning Office backup (expected "format": "${BACKUP_FORMAT}").`);
  }
  if (object.version !== BACKUP_VERSION) {
    throw new BackupError(`${source} is a backup of version ${JSON.stringify(object.version)}; this version of Twinning Office reads version ${BACKUP_VERSION} only.`);
  }
  const tables = object.tables;
  if (!tables || typeof tables !== "object" || Array.isArray(tables)) throw new BackupError(`${source} has no "tables" object.`);
  for (const [name, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows) || rows.some((row) => !row || typeof row !== "object" || Array.isArray(row))) {
      throw new BackupError(`${source}: table ${name} must be a list of rows (objects).`);
    }
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: String(object.createdAt ?? ""), tables: tables as Record<string, Row[]> };
}

/**
 * Tables whose rows the migrations ship (the England-and-Wales bank holidays: docs/decisions/023):
 * a fresh, migrated database already holds them, and the backup's rows (the list as the council
 * kept it) replace them. Emptied in the restore's transaction, so a refused restore keeps them.
 */
const SHIPPED_BY_MIGRATIONS = ["BankHoliday"];

export async function restoreBackup(backup: Backup, options: { onTable?: (table: string, rows: number) => void } = {}): Promise<Record<string, number>> {
  return db.$transaction(async (tx) => {
    const catalog = await readCatalog(tx);
    const byName = new Map(catalog.map((table) => [table.name, table]));
    checkFits(backup, byName);
    for (const name of SHIPPED_BY_MIGRATIONS) if (byName.has(name)) await tx.$executeRawUnsafe(`DELETE FROM "${name}"`);
    const occupied = await firstNonEmptyTable(tx, catalog);
    if (occupied) {
      throw new BackupError(
        `The database is not empty (${occupied.table} has ${occupied.rows} row${occupied.rows === 1 ? "" : "s"}): restore only into an empty, migrated database.`,
      );
    }
    const plan = planInserts(catalog);
    const restored: Record<string, number> = {};
    for (const name of plan.order) {
      const table = byName.get(name)!;
      const rows = backup.tables[name] ?? [];
      const deferred = new Set(plan.deferred.get(name) ?? []);
      await insertRows(tx, name, columnsIn(table, rows).filter((column) => !deferred.has(column)), rows);
      restored[name] = rows.length;
      options.onTable?.(name, rows.length);
    }
    for (const [name, columns] of plan.deferred) {
      const table = byName.get(name)!;
      const rows = backup.tables[name] ?? [];
      const present = columnsIn(table, rows);
      await updateRows(tx, table, columns.filter((column) => present.includes(column)), rows);
    }
    for (const table of catalog) await resetSequences(tx, table);
    return restored;
  }, LONG_TRANSACTION);
}

/** Every table and column of the backup must exist here (a backup from a newer schema is refused). */
function checkFits(backup: Backup, tables: Map<string, Table>): void {
  for (const [name, rows] of Object.entries(backup.tables)) {
    const table = tables.get(name);
    if (!table) throw new BackupError(`The backup has a table "${name}" that this database does not: run npm run db:migrate, or use a matching version of Twinning Office.`);
    const known = new Set(table.columns.map((column) => column.name));
    for (const row of rows) {
      for (const key of Object.keys(row)) {
        if (!known.has(key)) throw new BackupError(`The backup has a column ${name}.${key} that this database does not: run npm run db:migrate, or use a matching version of Twinning Office.`);
      }
    }
  }
}

/** The table's columns that the backup's rows carry (a column added since the backup takes its default). */
function columnsIn(table: Table, rows: readonly Row[]): string[] {
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) present.add(key);
  return table.columns.map((column) => column.name).filter((name) => present.has(name));
}
