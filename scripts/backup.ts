// `npm run backup -- file.json`: writes every table of the configured database (DATABASE_URL:
// PostgreSQL, or the embedded PGlite folder) to a versioned JSON file. Format: docs/decisions/008-backup-and-restore.md.
import { writeBackup } from "@/lib/backup/backup";
import { closeDatabase } from "@/lib/db";
import { describeDatabase, readDatabaseConfig } from "@/lib/db/config";
import { runScript } from "@/lib/config/scripts";

const USAGE = "Usage: npm run backup -- <file.json>";

await runScript("Backup", async () => {
  const file = process.argv[2];
  if (!file || file.startsWith("-") || process.argv.length > 3) throw new Error(`give one file name. ${USAGE}`);
  const started = Date.now();
  try {
    const summary = await writeBackup(file, { onTable: (table, rows) => process.stderr.write(`  ${table}: ${rows} rows\n`) });
    const total = Object.values(summary.tables).reduce((sum, rows) => sum + rows, 0);
    console.log(
      `Backed up ${total} rows from ${Object.keys(summary.tables).length} tables of ${describeDatabase(readDatabaseConfig(process.env))} to ${summary.file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await closeDatabase();
  }
});
