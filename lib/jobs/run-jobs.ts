// Runs every due job once: reminders, the weekly digest, then sending the outbox. Each job is
// safe to run on several machines at once (dedupe keys, a (job, period) claim, SKIP LOCKED).
import type { Transporter } from "nodemailer";
import { sendOutbox, type SendResult } from "@/lib/notifications/send-outbox";
import { enqueueReminders } from "./reminders";
import { runWeeklyDigest, type DigestResult } from "./weekly-digest";

export type JobsReport = {
  reminders?: { enqueued: number };
  digest?: DigestResult;
  outbox?: SendResult;
  errors: { job: string; message: string }[];
};

export async function runDueJobs({ transport, now = new Date() }: { transport: Transporter | null; now?: Date }): Promise<JobsReport> {
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
  report.reminders = await attempt("reminders", () => enqueueReminders(now));
  report.digest = await attempt("weekly-digest", () => runWeeklyDigest(now));
  report.outbox = await attempt("send-outbox", () => sendOutbox({ transport, now }));
  return report;
}
