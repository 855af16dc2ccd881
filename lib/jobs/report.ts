import type { JobsReport } from "./run-jobs";

/** One line about a round of jobs, for the log. */
export function describeJobsReport(report: JobsReport, at = new Date()): string {
  const parts = [
    `decisions taking effect: ${report.decisions?.applied ?? "-"}`,
    `reminders queued: ${report.reminders?.enqueued ?? "-"}`,
    report.digest ? (report.digest.ran ? `digest ${report.digest.period}: ${report.digest.enqueued} queued` : `digest ${report.digest.period}: already done`) : "digest: -",
    report.outbox
      ? report.outbox.smtpConfigured
        ? `outbox: ${report.outbox.sent} sent, ${report.outbox.failed} failed`
        : "outbox: no SMTP configured, messages wait in the outbox"
      : "outbox: -",
    `expired sessions removed: ${report.sessions?.deleted ?? "-"}`,
    report.retention?.ran
      ? `retention ${report.retention.period}: ${report.retention.auditAddresses} addresses, ${report.retention.emailBodies} email bodies, ${report.retention.participants} participant descriptions, ${report.retention.failedSignIns} failed sign-ins cleared`
      : "retention: -",
    `partner feeds read: ${report.partnerFeeds ? `${report.partnerFeeds.checked} (${report.partnerFeeds.unreadable} unreadable)` : "-"}`,
  ];
  return `${at.toISOString()} ${parts.join("; ")}`;
}

/** Whether a round did anything worth a line in a busy log (the app logs only those). */
export function jobsReportIsNews(report: JobsReport): boolean {
  return (
    report.errors.length > 0 ||
    (report.decisions?.applied ?? 0) > 0 ||
    (report.reminders?.enqueued ?? 0) > 0 ||
    report.digest?.ran === true ||
    report.retention?.ran === true ||
    (report.partnerFeeds?.checked ?? 0) > 0 ||
    (report.outbox?.sent ?? 0) > 0 ||
    (report.outbox?.failed ?? 0) > 0
  );
}
