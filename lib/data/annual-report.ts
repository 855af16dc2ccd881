import "server-only";
import { db } from "@/lib/db";
import type { AgreementStatus, FundingSource } from "@/generated/prisma/enums";
import type { AnnualReport, ReportDecision, ReportExchangeGroup } from "@/lib/domain/annual-report";
import { noticeOutcome, type NoticeOutcome } from "@/lib/domain/decision-notices";
import { PUBLIC_STATUSES } from "@/lib/domain/lifecycle";
import type { ActivityYear } from "@/lib/exchanges/activity-summary";
import { NOTICE_WHERE } from "./decision-notices";

// The annual report's figures for one calendar year (UTC, as dates are stored): read from the
// decision chain (what the public notices show, with their public reasons), the exchanges, the
// events and the partners' confirmations. Pure reads; the page and the published copy render them.
// For the public ("public": what /annual-report/<year> publishes) only public exchanges and events
// count, of links the public may see, and an event names its partner only when that link is public.

/** The years a report can be asked for: a four-digit year from 1950 to next year. */
export function reportYear(value: string): number | null {
  if (!/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 1950 && year <= new Date().getUTCFullYear() + 1 ? year : null;
}

function yearBounds(year: number) {
  return { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** Which links were Active at some moment in [start, end): each link's status decisions replayed in order. */
async function linksActiveBetween(start: Date, end: Date) {
  const changes = await db.decision.findMany({
    where: { toStatus: { not: null }, createdAt: { lt: end } },
    select: { agreementId: true, toStatus: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const statusAtStart = new Map<string, AgreementStatus>();
  const activeInYear = new Set<string>();
  const statusAtEnd = new Map<string, AgreementStatus>();
  for (const change of changes) {
    const status = change.toStatus as AgreementStatus;
    if (change.createdAt < start) statusAtStart.set(change.agreementId, status);
    else if (status === "ACTIVE") activeInYear.add(change.agreementId);
    statusAtEnd.set(change.agreementId, status);
  }
  for (const [id, status] of statusAtStart) if (status === "ACTIVE") activeInYear.add(id);
  const activeAtEnd = new Set([...statusAtEnd].filter(([, status]) => status === "ACTIVE").map(([id]) => id));
  return { activeInYear, activeAtEnd };
}

/** Who reads the report: staff (everything the office logged) or the public (public facts only). */
export type ReportAudience = "staff" | "public";

/** The exchanges and events the audience may count: for the public, only public ones of public links. */
function activityWhere(audience: ReportAudience) {
  return audience === "public" ? { visibility: "PUBLIC" as const, agreement: { status: { in: [...PUBLIC_STATUSES] } } } : {};
}

export async function getAnnualReport(year: number, audience: ReportAudience = "staff"): Promise<AnnualReport> {
  const { start, end } = yearBounds(year);
  const inYear = { gte: start, lt: end };
  const shown = activityWhere(audience);
  const publicLink = audience === "public" ? { agreement: { status: { in: [...PUBLIC_STATUSES] } } } : {};
  const [links, decisionRows, exchangeRows, eventRows, confirmationRows, activity] = await Promise.all([
    linksActiveBetween(start, end),
    db.decision.findMany({
      where: { AND: [NOTICE_WHERE, { createdAt: inYear }] },
      select: { id: true, kind: true, fromStatus: true, toStatus: true, createdAt: true, publicReason: true, agreement: { select: { partner: { select: { name: true } } } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.exchange.findMany({
      where: { startDate: inYear, ...shown },
      select: { agreementId: true, kind: true, participantCount: true, cost: true, currency: true, fundingSource: true, agreement: { select: { partner: { select: { name: true } } } } },
    }),
    db.event.findMany({
      // A public event may belong to a link the public does not see: it is shown without its partner.
      where: { startsAt: inYear, ...(audience === "public" && { visibility: "PUBLIC" }) },
      select: { agreementId: true, title: true, kind: true, startsAt: true, timeZone: true, cancelledAt: true, agreement: { select: { status: true, partner: { select: { name: true } } } } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    }),
    db.partnerConfirmation.findMany({
      where: { createdAt: inYear, ...publicLink },
      select: { createdAt: true, partnerDecisionDate: true, partnerDecisionReference: true, agreement: { select: { partner: { select: { name: true } } } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    activityByYear(year - 4, year, audience),
  ]);

  const agreements = await db.agreement.findMany({
    where: { id: { in: [...new Set([...links.activeInYear, ...links.activeAtEnd])] } },
    select: { id: true, title: true, partner: { select: { name: true } } },
  });
  const byName = (a: { partner: string; title: string }, b: { partner: string; title: string }) => a.partner.localeCompare(b.partner, "en") || a.title.localeCompare(b.title, "en");
  const link = (row: (typeof agreements)[number]) => ({ partner: row.partner.name, title: row.title });
  const busy = audience === "staff" ? new Set([...exchangeRows.map((row) => row.agreementId), ...eventRows.flatMap((row) => (row.agreementId ? [row.agreementId] : []))]) : await linksWithActivity(inYear);

  const decisions: Record<NoticeOutcome, ReportDecision[]> = { approved: [], amended: [], paused: [], reinstated: [], ended: [] };
  for (const row of decisionRows) {
    const outcome = noticeOutcome(row);
    if (outcome) decisions[outcome].push({ id: row.id, outcome, on: row.createdAt, partner: row.agreement.partner.name, publicReason: row.publicReason ?? "" });
  }

  const groups = new Map<string, ReportExchangeGroup>();
  const costs = new Map<string, { fundingSource: FundingSource | null; currency: string; pence: bigint }>();
  for (const row of exchangeRows) {
    const key = `${row.agreement.partner.name}\u0000${row.kind}`;
    const group = groups.get(key) ?? { partner: row.agreement.partner.name, kind: row.kind, exchanges: 0, participants: 0 };
    group.exchanges += 1;
    group.participants += row.participantCount ?? 0;
    groups.set(key, group);
    if (row.cost !== null && row.currency) {
      const costKey = `${row.fundingSource ?? ""}\u0000${row.currency}`;
      const cost = costs.get(costKey) ?? { fundingSource: row.fundingSource, currency: row.currency, pence: 0n };
      // Exact sums in minor units: a Decimal(12,2) never goes through a float.
      cost.pence += BigInt(row.cost.mul(100).toFixed(0));
      costs.set(costKey, cost);
    }
  }

  return {
    year,
    activeLinks: agreements.filter((row) => links.activeInYear.has(row.id)).map(link).sort(byName),
    decisions,
    exchanges: [...groups.values()].sort((a, b) => a.partner.localeCompare(b.partner, "en") || a.kind.localeCompare(b.kind)),
    costs: [...costs.values()]
      .map(({ fundingSource, currency, pence }) => ({ fundingSource, currency, total: `${pence / 100n}.${String(pence % 100n).padStart(2, "0")}` }))
      .sort((a, b) => (a.fundingSource ?? "~").localeCompare(b.fundingSource ?? "~") || a.currency.localeCompare(b.currency)),
    events: eventRows.map((row) => ({ title: row.title, kind: row.kind, startsAt: row.startsAt, timeZone: row.timeZone, partner: partnerShown(row.agreement, audience), cancelled: row.cancelledAt !== null })),
    dormantLinks: agreements.filter((row) => links.activeAtEnd.has(row.id) && !busy.has(row.id)).map(link).sort(byName),
    confirmations: confirmationRows.map((row) => ({ partner: row.agreement.partner.name, recordedOn: row.createdAt, partnerDecisionDate: row.partnerDecisionDate, reference: row.partnerDecisionReference })),
    activityByYear: activity,
  };
}

/** Links with any exchange or event in the period, public or internal: a link busy with internal work is not dormant to the public either. */
async function linksWithActivity(period: { gte: Date; lt: Date }): Promise<Set<string>> {
  const [exchanges, events] = await Promise.all([
    db.exchange.findMany({ where: { startDate: period }, select: { agreementId: true }, distinct: ["agreementId"] }),
    db.event.findMany({ where: { startsAt: period, agreementId: { not: null } }, select: { agreementId: true }, distinct: ["agreementId"] }),
  ]);
  return new Set([...exchanges.map((row) => row.agreementId), ...events.flatMap((row) => (row.agreementId ? [row.agreementId] : []))]);
}

function partnerShown(agreement: { status: AgreementStatus; partner: { name: string } } | null, audience: ReportAudience): string | null {
  if (!agreement) return null;
  return audience === "staff" || (PUBLIC_STATUSES as readonly AgreementStatus[]).includes(agreement.status) ? agreement.partner.name : null;
}

async function activityByYear(first: number, last: number, audience: ReportAudience): Promise<ActivityYear[]> {
  const { start } = yearBounds(first);
  const { end } = yearBounds(last);
  const [exchanges, events] = await Promise.all([
    db.exchange.findMany({ where: { startDate: { gte: start, lt: end }, ...activityWhere(audience) }, select: { startDate: true, participantCount: true } }),
    db.event.findMany({ where: { startsAt: { gte: start, lt: end }, ...(audience === "public" && { visibility: "PUBLIC" }) }, select: { startsAt: true } }),
  ]);
  return Array.from({ length: last - first + 1 }, (_, index) => {
    const year = first + index;
    const ofYear = exchanges.filter((row) => row.startDate.getUTCFullYear() === year);
    return {
      year,
      exchanges: ofYear.length,
      participants: ofYear.reduce((sum, row) => sum + (row.participantCount ?? 0), 0),
      events: events.filter((row) => row.startsAt.getUTCFullYear() === year).length,
    };
  });
}
