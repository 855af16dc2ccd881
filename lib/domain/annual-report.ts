// The annual report's shape (lib/data/annual-report.ts reads it; components/annual-report.tsx renders it).
import type { EventKind, ExchangeKind, FundingSource } from "@/generated/prisma/enums";
import type { NoticeOutcome } from "@/lib/domain/decision-notices";
import type { ActivityYear } from "@/lib/exchanges/activity-summary";

export type ReportDecision = { id: string; outcome: NoticeOutcome; on: Date; partner: string; publicReason: string };
export type ReportExchangeGroup = { partner: string; kind: ExchangeKind; exchanges: number; participants: number };
export type ReportCost = { fundingSource: FundingSource | null; currency: string; total: string };
export type ReportEvent = { title: string; kind: EventKind; startsAt: Date; timeZone: string; partner: string | null; cancelled: boolean };
export type ReportConfirmation = { partner: string; recordedOn: Date; partnerDecisionDate: Date | null; reference: string | null };

export type AnnualReport = {
  year: number;
  activeLinks: { partner: string; title: string }[];
  decisions: Record<NoticeOutcome, ReportDecision[]>;
  exchanges: ReportExchangeGroup[];
  costs: ReportCost[];
  events: ReportEvent[];
  /** Active at the year's end with no exchange and no event in the year. */
  dormantLinks: { partner: string; title: string }[];
  confirmations: ReportConfirmation[];
  /** Exchanges and events per year, the four years before and this one: the chart. */
  activityByYear: ActivityYear[];
};


/** A published report as stored (PublishedReport.data): the public report, its dates as ISO strings. */
export type ReportSnapshot = { version: 1; report: unknown };

/** The public report frozen for publication: plain JSON (dates as ISO strings). */
export function reportSnapshot(report: AnnualReport): ReportSnapshot {
  return { version: 1, report: JSON.parse(JSON.stringify(report)) as unknown };
}

const toDate = (value: string) => new Date(value);

/** A stored snapshot back as the report the page and the .docx render (its dates as Dates again). */
export function reportFromSnapshot(snapshot: unknown): AnnualReport {
  const stored = snapshot as { version?: unknown; report?: unknown };
  if (stored?.version !== 1 || typeof stored.report !== "object" || stored.report === null) throw new Error("Unknown annual report snapshot.");
  type Stored = Omit<AnnualReport, "decisions" | "events" | "confirmations"> & {
    decisions: Record<keyof AnnualReport["decisions"], (Omit<ReportDecision, "on"> & { on: string })[]>;
    events: (Omit<ReportEvent, "startsAt"> & { startsAt: string })[];
    confirmations: (Omit<ReportConfirmation, "recordedOn" | "partnerDecisionDate"> & { recordedOn: string; partnerDecisionDate: string | null })[];
  };
  const report = stored.report as Stored;
  const decisions = Object.fromEntries(Object.entries(report.decisions).map(([outcome, rows]) => [outcome, rows.map((row) => ({ ...row, on: toDate(row.on) }))])) as AnnualReport["decisions"];
  return {
    ...report,
    decisions,
    events: report.events.map((event) => ({ ...event, startsAt: toDate(event.startsAt) })),
    confirmations: report.confirmations.map((row) => ({ ...row, recordedOn: toDate(row.recordedOn), partnerDecisionDate: row.partnerDecisionDate === null ? null : toDate(row.partnerDecisionDate) })),
  };
}
