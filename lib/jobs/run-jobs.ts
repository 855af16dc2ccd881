// Runs every due job once: reminders, the weekly digest, sending the outbox, then removing expired
// sessions, forgotten sign-in counters and expired single-use links, and the daily retention schedule. Each job is safe to run on several machines at once (dedupe keys, a (job, period)
// claim, SKIP LOCKED, a plain DELETE).
import type { Transporter } from "nodemailer";
import { deleteExpiredSessions } from "@/lib/auth/sessions";
import { deleteForgottenSignInCounters } from "@/lib/auth/sign-in-lock";
import { deleteExpiredLinks } from "@/lib/links/single-use-link";
import { redactExpiredLinkMessages, sendOutbox, type SendResult } from "@/lib/notifications/send-outbox";
import { applyDueDecisions } from "./apply-decisions";
import { checkPartnerFeeds, type PartnerFeedsResult } from "@/lib/feeds/check-partner-feeds";
import { recordJobsHeartbeat } from "./job-run";
import { enqueueReminders } from "./reminders";
import { applyRetention, type RetentionResult } from "./retention";
import { runWeeklyDigest, type DigestResult } from "./weekly-digest";

export type JobsReport = {
  reminders?: { enqueued: number };
  /** Decisions whose call-in period ended and took effect (docs/decisions/023-call-in.md). */
  decisions?: { applied: number };
  digest?: DigestResult;
  outbox?: SendResult;
  sessions?: { deleted: number };
  signInCounters?: { deleted: number };
  links?: { deleted: number; redacted: number };
  retention?: RetentionResult;
  /** Partners' feeds read (docs/decisions/025-partner-feeds.md). */
  partnerFeeds?: PartnerFeedsResult;
  errors: { job: string; message: string }[];
};

export async function runDueJobs({ transport, now }: { transport: Transporter | null; now?: Date }): Promise<JobsReport> {
  const report: JobsReport = { errors: [] };
  // One failing job does not stop the others; the caller reports the errors.
  const attempt = async <T>(job: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      report.errors.push({ job, message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  };
  // The clock is read as each job starts, so the sender sees messages the jobs before it just queued.
  // Before the emails go: a decision that takes effect now is told in this round.
  report.decisions = await attempt("call-in-decisions", () => applyDueDecisions(now ?? new Date()));
  report.reminders = await attempt("reminders", () => enqueueReminders(now ?? new Date()));
  report.digest = await attempt("weekly-digest", () => runWeeklyDigest(now ?? new Date()));
  report.outbox = await attempt("send-outbox", () => sendOutbox({ transport, now: now ?? new Date() }));
  report.sessions = await attempt("expired-sessions", () => deleteExpiredSessions(now ?? new Date()));
  report.signInCounters = await attempt("sign-in-counters", () => deleteForgottenSignInCounters(now ?? new Date()));
  report.links = await attempt("expired-links", async () => ({ ...(await deleteExpiredLinks(now ?? new Date())), ...(await redactExpiredLinkMessages(now ?? new Date())) }));
  report.retention = await attempt("retention", () => applyRetention(now ?? new Date()));
  report.partnerFeeds = await attempt("partner-feeds", () => checkPartnerFeeds(now ?? new Date()));
  // Last: the heartbeat says a round finished (the dashboard and /readyz warn when none has for long).
  await attempt("heartbeat", () => recordJobsHeartbeat(now ?? new Date(), { failed: report.errors.map((error) => error.job) }));
  return report;
}
