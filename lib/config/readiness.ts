// What /healthz and /readyz answer (docs/operations.md, "What to monitor"). /healthz: the process
// lives, nothing else is touched. /readyz: this server can serve — its database answers, every
// migration this build ships is applied there, and the scheduled jobs ran lately (their heartbeat,
// lib/jobs/job-run.ts) — else 503 with what failed, for a load balancer or a monitor to act on.
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { JOBS_HEARTBEAT_STALE_AFTER_MINUTES, jobsHeartbeatIsStale } from "@/lib/domain/jobs-heartbeat";
import { readJobsHeartbeat } from "@/lib/jobs/job-run";

/** Longer than this and the database counts as not answering: a monitor wants an answer, not a hang. */
const DATABASE_TIMEOUT_MS = 3_000;

export type ReadinessCheck = { ok: true } | { ok: false; problem: string };
export type Readiness = { ready: boolean; checks: { database: ReadinessCheck; migrations: ReadinessCheck; jobs: ReadinessCheck }; lastJobsRunAt: string | null };

/** The database the checks read: `db`, or another client (a test's unreachable one). */
type Database = Pick<typeof db, "$queryRaw">;

/** The migrations this build ships: the folders of prisma/migrations (the app runs from its checkout). */
export function migrationsInBuild(root: string = process.cwd()): string[] {
  const folder = path.join(root, "prisma", "migrations");
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A failure's reason without the database's address or credentials: the body is served to anyone. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? "")}` : String(error);
  if (/did not answer within/.test(text)) return "the database did not answer in time";
  if (/ECONNREFUSED|P1001|Can't reach database|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|DatabaseNotReachable|connection/i.test(text)) return "the database cannot be reached";
  if (/DatabaseDoesNotExist|3D000/i.test(text) || (/does not exist/i.test(text) && /database/i.test(text))) return "the database does not exist";
  if (/AuthenticationFailed|28P01|password authentication failed/i.test(text)) return "the database refused the app's credentials";
  return "the database returned an error";
}

/**
 * Checks the database, the migrations and the jobs' heartbeat at `now`. Never throws: every
 * failure is a check's problem. `expected`: the migrations the build ships (a test gives its own).
 */
export async function checkReadiness(options: { now?: Date; database?: Database; expected?: string[] } = {}): Promise<Readiness> {
  const now = options.now ?? new Date();
  const database = options.database ?? db;
  const failed = (problem: string): ReadinessCheck => ({ ok: false, problem });
  const notChecked = failed("not checked: the database cannot be read");
  let applied: string[];
  try {
    const rows = await withTimeout(
      database.$queryRaw<{ name: string }[]>`SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      DATABASE_TIMEOUT_MS,
      "the database",
    );
    applied = rows.map((row) => row.name);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // The database answers, but no migration was ever applied there.
    if (/_prisma_migrations|42P01|P2010|relation .* does not exist|TableDoesNotExist/i.test(text) && !/database .* does not exist/i.test(text)) {
      return result({ database: { ok: true }, migrations: failed("no migrations are applied: run npm run db:migrate"), jobs: notChecked }, null);
    }
    return result({ database: failed(reasonOf(error)), migrations: notChecked, jobs: notChecked }, null);
  }
  const appliedSet = new Set(applied);
  const missing = (options.expected ?? migrationsInBuild()).filter((name) => !appliedSet.has(name));
  const migrations = missing.length === 0 ? { ok: true as const } : failed(`not applied: ${missing.join(", ")} (run npm run db:migrate)`);
  let lastRunAt: Date | null = null;
  let jobs: ReadinessCheck;
  try {
    lastRunAt = await withTimeout(readJobsHeartbeat(database), DATABASE_TIMEOUT_MS, "the database");
    jobs = jobsHeartbeatIsStale(lastRunAt, now)
      ? failed(lastRunAt ? `the scheduled jobs last ran at ${lastRunAt.toISOString()}, more than ${JOBS_HEARTBEAT_STALE_AFTER_MINUTES} minutes ago` : "the scheduled jobs have never run")
      : { ok: true };
  } catch (error) {
    jobs = failed(`the jobs' heartbeat cannot be read: ${reasonOf(error)}`);
  }
  return result({ database: { ok: true }, migrations, jobs }, lastRunAt);
}

function result(checks: Readiness["checks"], lastRunAt: Date | null): Readiness {
  return { ready: Object.values(checks).every((check) => check.ok), checks, lastJobsRunAt: lastRunAt?.toISOString() ?? null };
}
