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

