import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";

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
