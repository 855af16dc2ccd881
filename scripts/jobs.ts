// `npm run jobs` runs the due jobs once (for cron or a platform scheduler): reminders, the weekly
// digest, and sending the outbox. `npm run jobs -- --watch` repeats every minute until SIGINT or
// SIGTERM, then finishes the current round and exits. Safe to run on several machines at once.
import { parseArgs } from "node:util";
import { closeDatabase, db } from "@/lib/db";
import { runDueJobs, type JobsReport } from "@/lib/jobs/run-jobs";
import { transportFromEnv } from "@/lib/notifications/config";
import { runScript } from "@/lib/scripts";

const INTERVAL_MS = 60_000;

function describe(report: JobsReport): string {
  const parts = [
    `reminders queued: ${report.reminders?.enqueued ?? "-"}`,
    report.digest ? (report.digest.ran ? `digest ${report.digest.period}: ${report.digest.enqueued} queued` : `digest ${report.digest.period}: already done`) : "digest: -",
    report.outbox
      ? report.outbox.smtpConfigured
        ? `outbox: ${report.outbox.sent} sent, ${report.outbox.failed} failed`
        : "outbox: no SMTP configured, messages wait in the outbox"
      : "outbox: -",
  ];
  return `${new Date().toISOString()} ${parts.join("; ")}`;
}

await runScript("Jobs", async () => {
  const { values } = parseArgs({ options: { watch: { type: "boolean", default: false } }, allowPositionals: false });
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
      console.log(describe(report));
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
