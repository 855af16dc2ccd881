// `npm run db:seed:scale -- --agreements 20000 --exchanges 200000 [--events N] [--seed N]`
// Fills the configured database (PostgreSQL or embedded PGlite, migrated) with a large,
// realistic register in bulk: thousands of rows per statement. Adds to what is there (run
// `npm run db:seed` first for the demo accounts). A progress bar goes to stderr.
import { parseArgs } from "node:util";
import { seedScale } from "@/scripts/lib/scale-seed";
import { closeDatabase, db } from "@/lib/db";
import { describeDatabase, readDatabaseConfig } from "@/lib/db/config";
import { runScript } from "@/lib/config/scripts";

const USAGE = "Usage: npm run db:seed:scale -- [--agreements 20000] [--exchanges 200000] [--events N] [--seed N]";

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, ""));
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 10_000_000) throw new Error(`--${name} must be a whole number from 0 to 10000000, not "${value}". ${USAGE}`);
  return parsed;
}

function progressBar() {
  const tty = process.stderr.isTTY;
  let lastLine = "";
  let lastPercent = -1;
  return (table: string, done: number, total: number) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    const line = `${table.padEnd(16)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total}`;
    if (tty) {
      process.stderr.write(`\r${line}${done >= total ? "\n" : ""}`);
    } else if (percent === 100 || percent >= lastPercent + 10 || !lastLine.startsWith(table)) {
      process.stderr.write(`${line}\n`);
      lastPercent = percent === 100 ? -1 : percent;
    }
    lastLine = line;
  };
}

await runScript("Scale seed", async () => {
  const { values } = parseArgs({ options: { agreements: { type: "string" }, exchanges: { type: "string" }, events: { type: "string" }, seed: { type: "string" } }, allowPositionals: false });
  const options = {
    agreements: count(values.agreements, "agreements", 20_000),
    exchanges: count(values.exchanges, "exchanges", 200_000),
    events: values.events === undefined ? undefined : count(values.events, "events", 0),
    seed: count(values.seed, "seed", 1),
  };
  if (options.agreements === 0 && options.exchanges > 0) throw new Error("--exchanges needs at least one agreement to belong to.");
  const started = Date.now();
  console.error(`Seeding ${describeDatabase(readDatabaseConfig(process.env))}: ${options.agreements} agreements, ${options.exchanges} exchanges.`);
  try {
    const counts = await seedScale(db, options, progressBar());
    await db.$executeRawUnsafe("ANALYZE");
    const total = Object.values(counts).reduce((sum, rows) => sum + rows, 0);
    console.log(`Seeded ${total} rows (${Object.entries(counts).map(([table, rows]) => `${table} ${rows}`).join(", ")}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await closeDatabase();
  }
});
