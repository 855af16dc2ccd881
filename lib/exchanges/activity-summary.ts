// Totals and per-year counts of an agreement's exchanges and events. Pure.
import type { AgreementStatus, Direction, EventKind, ExchangeKind, FundingSource, Visibility } from "@/generated/prisma/enums";

export type ExchangeActivity = {
  type: "exchange";
  id: string;
  date: Date;
  endDate: Date | null;
  kind: ExchangeKind;
  direction: Direction;
  participantCount: number | null;
  participantsDescription: string;
  /** Exact decimal, e.g. "6400.00". */
  cost: string | null;
  currency: string | null;
  fundingSource: FundingSource | null;
  outcomes: string;
  visibility: Visibility;
};

export type EventActivity = {
  type: "event";
  id: string;
  date: Date;
  endsAt: Date | null;
  timeZone: string;
  title: string;
  kind: EventKind;
  place: string;
  visibility: Visibility;
  /** When it was cancelled: still listed (as Cancelled), never counted. */
  cancelledAt?: Date | null;
};

export type ActivityItem = ExchangeActivity | EventActivity;

export type ActivityYear = { year: number; exchanges: number; events: number; participants: number };

export type ActivitySummary = {
  /** In date order, oldest first. */
  items: ActivityItem[];
  /** Every year from the first activity to this year (or the last planned one), none left out. */
  years: ActivityYear[];
  totals: {
    exchanges: number;
    events: number;
    participants: number;
    /** One total per currency: amounts in different currencies are never added together. */
    spend: { currency: string; amount: string }[];
  };
};

/** Pence or cents as an integer, so sums are exact. */
function minorUnits(amount: string): bigint {
  const [whole = "0", fraction = ""] = amount.replace(/^\+/, "").split(".");
  const negative = whole.startsWith("-");
  const units = BigInt(whole.replace("-", "") || "0") * 100n + BigInt((fraction + "00").slice(0, 2));
  return negative ? -units : units;
}

function formatMinor(units: bigint): string {
  const negative = units < 0n;
  const absolute = negative ? -units : units;
  return `${negative ? "-" : ""}${absolute / 100n}.${(absolute % 100n).toString().padStart(2, "0")}`;
}

/** What an agreement page shows of its activity (read by lib/data/activity.ts getAgreementActivity). */
export type AgreementActivity = ActivitySummary & {
  agreementId: string;
  status: AgreementStatus;
  /** Active with no exchange or event in the last `dormancyMonths` months (see lib/domain/dormancy.ts). */
  dormant: boolean;
  dormancyMonths: number;
  /** The latest exchange or event on or before now; null if none. */
  lastActivity: Date | null;
  now: Date;
};

/** One total per currency of these exchanges' costs (no currency: GBP), exact, in currency order. */
export function spendByCurrency(exchanges: readonly { cost: string | null; currency: string | null }[]): { currency: string; amount: string }[] {
  const spend = new Map<string, bigint>();
  for (const { cost, currency } of exchanges) {
    if (cost !== null) spend.set(currency ?? "GBP", (spend.get(currency ?? "GBP") ?? 0n) + minorUnits(cost));
  }
  return [...spend.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, units]) => ({ currency, amount: formatMinor(units) }));
}

export function summariseActivity(items: readonly ActivityItem[], now: Date): ActivitySummary {
  const sorted = [...items].sort((a, b) => a.date.getTime() - b.date.getTime() || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
  const byYear = new Map<number, ActivityYear>();
  let participants = 0;
  let exchanges = 0;
  let events = 0;
  for (const item of sorted) {
    const year = item.date.getUTCFullYear();
    const row = byYear.get(year) ?? { year, exchanges: 0, events: 0, participants: 0 };
    if (item.type === "exchange") {
      exchanges += 1;
      row.exchanges += 1;
      row.participants += item.participantCount ?? 0;
      participants += item.participantCount ?? 0;
    } else if (!item.cancelledAt) {
      events += 1;
      row.events += 1;
    }
    byYear.set(year, row);
  }
  const years: ActivityYear[] = [];
  if (sorted.length > 0) {
    const first = sorted[0]!.date.getUTCFullYear();
    const last = Math.max(sorted.at(-1)!.date.getUTCFullYear(), now.getUTCFullYear());
    for (let year = first; year <= last; year += 1) years.push(byYear.get(year) ?? { year, exchanges: 0, events: 0, participants: 0 });
  }
  return {
    items: sorted,
    years,
    totals: {
      exchanges,
      events,
      participants,
      spend: spendByCurrency(sorted.flatMap((item) => (item.type === "exchange" ? [item] : []))),
    },
  };
}
