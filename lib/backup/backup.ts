// `npm run backup -- file.json`: every table of the database, in one consistent snapshot, as a
// versioned JSON document (docs/decisions/008-backup-and-restore.md). Tables come from the database's catalog,
// so a table added by a later migration is backed up without a change here.
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { readCatalog, type Sql } from "./catalog";
import { normaliseRow, selectRowsSql } from "./rows";

export const BACKUP_FORMAT = "twinning-office-backup";
export const BACKUP_VERSION = 1;

/** Long enough for hundreds of thousands of rows; the default 5 s would cut a backup short. */
export const LONG_TRANSACTION = { maxWait: 60_000, timeout: 60 * 60_000 } as const;

const FETCH_SIZE = 5_000;

export type BackupSummary = { file: string; tables: Record<string, number> };

/**
 * Writes the backup to `file` (through a temporary file renamed at the end, so a failed run
 * never leaves half a backup under the real name). One row per line, keys in code-point
 * order, rows in primary-key order: the same data always gives the same bytes, apart from
 * the createdAt line.
 */
export async function writeBackup(file: string, options: { now?: Date; onTable?: (table: string, rows: number) => void } = {}): Promise<BackupSummary> {
  const target = path.resolve(file);
  const partial = `${target}.partial-${process.pid}`;
  const fd = fs.openSync(partial, "w");
  const tables: Record<string, number> = {};
  try {
    const write = (text: string) => fs.writeSync(fd, text);
    write(`{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "version": ${BACKUP_VERSION},\n`);
    write(`  "createdAt": ${JSON.stringify((options.now ?? new Date()).toISOString())},\n  "tables": {`);
    await db.$transaction(async (tx) => {
      // One snapshot for every table: rows written during the backup are either all in or all out.
      await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      const catalog = await readCatalog(tx);
      let firstTable = true;
      for (const table of catalog) {
        write(`${firstTable ? "" : ","}\n    ${JSON.stringify(table.name)}: [`);
        firstTable = false;
        const count = await copyRows(tx, selectRowsSql(table), (line, index) => write(`${index === 0 ? "" : ","}\n      ${line}`));
        write(count === 0 ? "]" : "\n    ]");
        tables[table.name] = count;
        options.onTable?.(table.name, count);
      }
    }, LONG_TRANSACTION);
    write("\n  }\n}\n");
    fs.closeSync(fd);
    fs.renameSync(partial, target);
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed.
    }
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { file: target, tables };
}

/** Streams a query's rows through a cursor, FETCH_SIZE at a time, so memory stays flat. */
async function copyRows(tx: Sql, select: string, emit: (line: string, index: number) => void): Promise<number> {
  await tx.$executeRawUnsafe(`DECLARE twinning_backup NO SCROLL CURSOR FOR ${select}`);
  let count = 0;
  for (;;) {
    const rows = await tx.$queryRawUnsafe<{ row: string }[]>(`FETCH ${FETCH_SIZE} FROM twinning_backup`);
    for (const { row } of rows) {
      emit(JSON.stringify(normaliseRow(row)), count);
      count += 1;
    }
    if (rows.length < FETCH_SIZE) break;
  }
  await tx.$executeRawUnsafe("CLOSE twinning_backup");
  return count;
}
