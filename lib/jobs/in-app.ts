// The app runs the due jobs itself, every minute, from instrumentation.ts: on every server
// process, on the embedded database and on PostgreSQL alike, so nobody has to remember cron for
// emails and reminders to go out. Several processes (npm start runs one per core) and several
// machines are safe: each job claims its work (run-jobs.ts). On PostgreSQL, JOBS=cron leaves them
// to `npm run jobs` from cron instead. On the embedded database (PGlite) only one process may open
// the data folder, so `npm run jobs` cannot run beside the app: the app always runs them there.
// Every round records a heartbeat (job-run.ts) that the admins' dashboard and /readyz check.
import { jobsRunnerSchema } from "@/lib/config/env";
import { logger } from "@/lib/config/logger";
import { readDatabaseConfig } from "@/lib/db/config";
import { EmbeddedDatabaseInUse, lockEmbeddedDatabase } from "./embedded-lock";
import { createScheduler, type Scheduler } from "./scheduler";

type Env = Record<string, string | undefined>;

const INTERVAL_MS = 60_000;
/** Soon after start, so a demo shows queued reminders and the digest without waiting a minute. */
const FIRST_DELAY_MS = 10_000;

/** The app runs the jobs itself unless JOBS=cron on PostgreSQL, and never while `next build` runs. */
export function runsJobsInApp(env: Env = process.env): boolean {
  if (env.NEXT_PHASE === "phase-production-build") return false;
  if (readDatabaseConfig(env).kind === "pglite") return true;
  // An invalid value stops the server at start (lib/config/env.ts); until then, the default.
  const runner = jobsRunnerSchema.safeParse(env.JOBS?.trim() || undefined);
  return !runner.success || runner.data === "app";
}

/**
 * Marks the embedded data folder as the app's before anything opens it. Returns a one-line
 * reason not to start when `npm run jobs` has it open, else null. A lock left by an earlier
 * server (a dev-server restart) is taken over.
 */
export function claimEmbeddedDatabaseForApp(env: Env = process.env): string | null {
  const config = readDatabaseConfig(env);
  if (config.kind !== "pglite" || config.dataDir === "memory://") return null;
  try {
    lockEmbeddedDatabase(config.dataDir, "app", { takeOverFrom: ["app"] });
    return null;
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseInUse)) throw error;
    return `npm run jobs (process ${error.lock.pid}) has the embedded database open, and only one process may. Let it finish or stop it, then start the app: the app runs the jobs itself. (Lock file: ${error.file}.)`;
  }
}

const log = logger.child({ component: "jobs" });

const globalForJobs = globalThis as typeof globalThis & { __twinningJobs?: Scheduler };

/** Starts the in-app scheduler once per process (a second call, e.g. after a dev reload, does nothing). */
export function startInAppJobs(env: Env = process.env): Scheduler | null {
  if (!runsJobsInApp(env)) return null;
  if (globalForJobs.__twinningJobs) return globalForJobs.__twinningJobs;
  const scheduler = createScheduler({
    intervalMs: INTERVAL_MS,
    firstDelayMs: FIRST_DELAY_MS,
    async run() {
      // Loaded on first use: the instrumentation hook stays light, and SMTP settings are read per round.
      const [{ runDueJobs }, { transportFromEnv }, { describeJobsReport, jobsReportIsNews }] = await Promise.all([
        import("./run-jobs"),
        import("@/lib/notifications/config"),
        import("./report"),
      ]);
      const transport = transportFromEnv(env);
      try {
        const report = await runDueJobs({ transport });
        // Every minute: log only rounds that did something.
        if (jobsReportIsNews(report)) log.info({ report }, describeJobsReport(report));
        for (const error of report.errors) log.error({ job: error.job }, `${error.job} failed: ${error.message}`);
      } finally {
        transport?.close();
      }
    },
    onError: (error) => log.error({ err: error }, "the round of jobs failed"),
  });
  globalForJobs.__twinningJobs = scheduler;
  scheduler.start();
  return scheduler;
}
