// The scheduled jobs' heartbeat: every round of `runDueJobs` (in the app, or `npm run jobs` from
// cron) records when it finished. When none has finished for this long, the jobs have stopped —
// emails and reminders with them — and the admins' dashboard and /readyz say so.

/** The jobs run every minute in the app; cron is expected every few minutes at most. */
export const JOBS_HEARTBEAT_STALE_AFTER_MINUTES = 15;

/** Whether the jobs last ran too long before `now` (or never did). */
export function jobsHeartbeatIsStale(lastRunAt: Date | null, now: Date): boolean {
  if (!lastRunAt) return true;
  return now.getTime() - lastRunAt.getTime() > JOBS_HEARTBEAT_STALE_AFTER_MINUTES * 60_000;
}
