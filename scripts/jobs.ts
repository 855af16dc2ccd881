// `npm run jobs` runs the due jobs once (for cron or a platform scheduler): reminders, the weekly
// digest, and sending the outbox. `npm run jobs -- --watch` repeats every minute until SIGINT or
// SIGTERM, then finishes the current round and exits. Safe to run on several machines at once
// against PostgreSQL. The app runs these jobs itself by default (lib/jobs/in-app.ts): this is for
// JOBS=cron on PostgreSQL, or a one-off round. On the embedded database (PGlite) with the app
// running, this exits at once with one line (only one process may open the data folder).
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase, db } from "@/lib/db";
import { readDatabaseConfig } from "@/lib/db/config";
import { EmbeddedDatabaseInUse, lockEmbeddedDatabase } from "@/lib/jobs/embedded-lock";
import { describeJobsReport } from "@/lib/jobs/report";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { transportFromEnv } from "@/lib/notifications/config";
import { runScript } from "@/lib/config/scripts";

const INTERVAL_MS = 60_000;

await runScript("Jobs", async () => {
  const { values } = parseArgs({ options: { watch: { type: "boolean", default: false } }, allowPositionals: false });
  const config = readDatabaseConfig(process.env);
  if (config.kind === "pglite" && config.dataDir !== "memory://") {
    try {
      lockEmbeddedDatabase(config.dataDir, "jobs");
    } catch (error) {
      if (!(error instanceof EmbeddedDatabaseInUse)) throw error;
      const folder = path.relative(process.cwd(), path.resolve(config.dataDir)) || ".";
      const lockFile = path.relative(process.cwd(), error.file);
      // Not a failure: with the app running, the jobs are done (a cron entry may stay in place).
      console.log(
        error.lock.holder === "app"
          ? `Nothing to do: the app (process ${error.lock.pid}) has the embedded database ${folder} open and runs these jobs itself every minute (lock file ${lockFile}).`
          : `Nothing to do: another npm run jobs (process ${error.lock.pid}) has the embedded database ${folder} open, and only one process may (lock file ${lockFile}).`,
      );
      return;
    }
  }
  const transport = transportFromEnv();
  let stopping = false;
  let wake: (() => void) | undefined;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  let failed = false;
  try {
    // Open the database first: embedded PGlite takes a few seconds to start, longer than a
    // transaction may wait for its connection.
    await db.$queryRaw`SELECT 1`;
    do {
      const report = await runDueJobs({ transport });
      console.log(describeJobsReport(report));
      for (const error of report.errors) console.error(`  ${error.job} failed: ${error.message}`);
      failed = report.errors.length > 0;
      if (!values.watch || stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, INTERVAL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    } while (!stopping);
  } finally {
    transport?.close();
    await closeDatabase();
  }
  if (failed && !values.watch) process.exitCode = 1;
});
