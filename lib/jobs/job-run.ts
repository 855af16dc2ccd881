import type { Prisma } from "@/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/db";

/**
 * Claims (job, period) inside the job's own transaction: INSERT … ON CONFLICT DO NOTHING. A second
 * machine doing the same waits on the row until the first commits, then gets false; if the first
 * rolls back, the second runs instead. Either way the period's work is done once.
 */
export async function claimJobPeriod(tx: Tx, job: string, period: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ job: string }[]>`
    INSERT INTO "JobRun" ("job", "period") VALUES (${job}, ${period})
    ON CONFLICT ("job", "period") DO NOTHING
    RETURNING "job"`;
  return rows.length === 1;
}

export async function finishJobPeriod(tx: Tx, job: string, period: string, details: Prisma.InputJsonValue): Promise<void> {
  await tx.jobRun.update({ where: { job_period: { job, period } }, data: { finishedAt: new Date(), details } });
}

/** The heartbeat's row in JobRun: one row, moved on by every round of the jobs. */
const HEARTBEAT = { job: "heartbeat", period: "latest" } as const;

/** Records that a round of the jobs finished at `now` (never moves the heartbeat back: a slow round finishing after a faster one). */
export async function recordJobsHeartbeat(now: Date, details: Prisma.InputJsonValue): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "JobRun" ("job", "period", "startedAt", "finishedAt", "details")
    VALUES (${HEARTBEAT.job}, ${HEARTBEAT.period}, ${now}, ${now}, ${JSON.stringify(details)}::jsonb)
    ON CONFLICT ("job", "period") DO UPDATE SET
      "finishedAt" = GREATEST("JobRun"."finishedAt", EXCLUDED."finishedAt"),
      "details" = CASE WHEN EXCLUDED."finishedAt" >= "JobRun"."finishedAt" THEN EXCLUDED."details" ELSE "JobRun"."details" END`;
}

/** When a round of the jobs last finished, or null when none ever did. `database`: `db`, or another client (/readyz's tests). */
export async function readJobsHeartbeat(database: Pick<Db, "$queryRaw"> = db): Promise<Date | null> {
  const [row] = await database.$queryRaw<{ finishedAt: Date | null }[]>`
    SELECT "finishedAt" FROM "JobRun" WHERE "job" = ${HEARTBEAT.job} AND "period" = ${HEARTBEAT.period}`;
  return row?.finishedAt ?? null;
}
