// `npm run restore -- file.json`: loads a backup into the configured database, which must be
// empty and migrated (npm run db:migrate). Also the way to move from the embedded database to
// PostgreSQL: back up with DATABASE_URL unset, restore with DATABASE_URL=postgresql://….
import { readBackupFile, restoreBackup } from "@/lib/backup/restore";
import { closeDatabase } from "@/lib/db";
import { describeDatabase, readDatabaseConfig } from "@/lib/db/config";
import { runScript } from "@/lib/config/scripts";

const USAGE = "Usage: npm run restore -- <file.json>";

await runScript("Restore", async () => {
  const file = process.argv[2];
  if (!file || file.startsWith("-") || process.argv.length > 3) throw new Error(`give one file name. ${USAGE}`);
  const backup = readBackupFile(file);
  const started = Date.now();
  try {
    const restored = await restoreBackup(backup, { onTable: (table, rows) => process.stderr.write(`  ${table}: ${rows} rows\n`) });
    const total = Object.values(restored).reduce((sum, rows) => sum + rows, 0);
    console.log(
      `Restored ${total} rows into ${Object.keys(restored).length} tables of ${describeDatabase(readDatabaseConfig(process.env))} from ${file} (made ${backup.createdAt}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await closeDatabase();
  }
});
