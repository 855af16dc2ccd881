import "server-only";
import { memoUntilChanged } from "@/lib/cache";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import type { AgreementStatus, DecisionKind, ProposalKind, Theme } from "@/generated/prisma/enums";
import type { ActivityYear } from "@/lib/exchanges/activity-summary";
import { can, type Actor } from "@/lib/domain/permissions";
import { dormantCondition } from "./activity";
import { reviewDueCondition } from "./agreements";
import { awaitingDecisionBy } from "./notifications";
import { getSettings } from "./settings";

const YEARS_SHOWN = 15;

/**
 * A row of the recent activity: what happened, for the page to word in its language, with `text`
 * its English wording.
 */
export type RecentItem = { id: string; at: Date; href: string; text: string; readHref: string } & (
  | { type: "decision"; partnerName: string; kind: DecisionKind; toStatus: AgreementStatus | null }
  | { type: "exchange"; partnerName: string; detail: string | null }
  | { type: "event"; title: string }
);

/**
 * The figures over the whole register — agreements by status, exchanges per year, themes of the
 * active links — aggregate every row: computed once per server process until the register or its
 * activity changes (lib/cache), or 30 seconds.
 */
const registerFigures = memoUntilChanged({ topics: ["links", "activity"], maxEntries: 4, maxAgeMs: 30_000 }, async (firstYearText: string) => {
  const firstYear = Number(firstYearText);
  const [grouped, perYear, themes] = await Promise.all([
    db.agreement.groupBy({ by: ["status"], _count: { _all: true } }),
    db.$queryRaw<{ year: number; exchanges: number; participants: number }[]>`
      SELECT EXTRACT(YEAR FROM "startDate")::int AS "year", COUNT(*)::int AS "exchanges", COALESCE(SUM("participantCount"), 0)::int AS "participants"
      FROM "Exchange" WHERE "startDate" >= ${new Date(Date.UTC(firstYear, 0, 1))}::date
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ theme: Theme; count: number }[]>`
      SELECT "theme", COUNT(*)::int AS "count" FROM "Agreement", UNNEST("themes") AS "theme"
      WHERE "status" = 'ACTIVE' GROUP BY 1 ORDER BY 2 DESC, 1`,
  ]);
  return { grouped, perYear, themes };
});

/** A row of each dashboard panel. */
type Panels = {
  reviewsDue: { id: string; reviewDate: Date; partnerName: string };
  dormant: { id: string; lastActivityOn: Date | null; partnerName: string };
  decisions: { id: string; kind: DecisionKind; toStatus: AgreementStatus | null; createdAt: Date; agreementId: string; partnerName: string };
  exchanges: { id: string; agreementId: string; startDate: Date; participantsDescription: string | null; partnerName: string };
  events: { id: string; agreementId: string | null; title: string; startsAt: Date };
};
type Panel<Name extends keyof Panels> = Panels[Name];
type AwaitingProposal = { id: string; kind: ProposalKind; createdAt: Date; agreementId: string; partnerName: string };
/** A proposal of the user's that councillors rejected, with the rejection's reason. */
type ReturnedProposal = { id: string; kind: ProposalKind; closedAt: Date; agreementId: string; partnerName: string; rejectionReason: string | null };

/** A JSON array of `rows` (a SELECT), [] when there are none. */
function jsonRows(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(json_agg("row"), '[]'::json) FROM (${rows}) AS "row")`;
}

/** Dates arrive in JSON as text: "2026-11-28" (a date, UTC midnight) or an ISO 8601 timestamp. */
function withDates<T extends object>(rows: readonly Record<string, unknown>[], ...keys: (keyof T & string)[]): T[] {
  return rows.map((row) => {
    const copy: Record<string, unknown> = { ...row };
    for (const key of keys) copy[key] = typeof row[key] === "string" ? new Date(row[key]) : null;
    return copy as T;
  });
}

/**
 * The panels that every user sees alike — reviews due, dormant links, recent activity — in ONE
 * statement, each a JSON array of its first rows by an index. Kept 5 s per server process, or
 * until what they show changes (lib/cache): the statement's cost, mostly planning, was paid by
 * every dashboard view. Their `now` is the time they were read.
 */
const sharedPanels = memoUntilChanged({ topics: ["links", "activity", "decisions", "settings"], maxEntries: 1, maxAgeMs: 5_000 }, async () => {
  const now = new Date();
  const { dormancyMonths } = await getSettings();
  const dormant = await dormantCondition(now, dormancyMonths);
  const [panels] = await db.$queryRaw<Record<keyof Panels, Record<string, unknown>[]>[]>`SELECT
    ${jsonRows(Prisma.sql`
      SELECT a."id", a."reviewDate", p."name" AS "partnerName"
      FROM "Agreement" a JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE ${reviewDueCondition(now)}
      ORDER BY a."reviewDate" ASC, a."id" ASC LIMIT 20`)} AS "reviewsDue",
    ${jsonRows(Prisma.sql`
      SELECT a."id", a."lastActivityOn", p."name" AS "partnerName"
      FROM "Agreement" a JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE ${dormant}
      -- Quietest first (never any activity last): an ordered walk of (status, lastActivityOn).
      ORDER BY a."lastActivityOn" ASC NULLS LAST, a."id" ASC LIMIT 20`)} AS "dormant",
    ${jsonRows(Prisma.sql`
      SELECT d."id", d."kind", d."toStatus", d."createdAt", a."id" AS "agreementId", p."name" AS "partnerName"
      FROM "Decision" d JOIN "Agreement" a ON a."id" = d."agreementId" JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE d."kind" IN ('SUBMITTED', 'PROPOSED', 'STATUS_CHANGED', 'WITHDRAWN', 'IMPORTED')
      ORDER BY d."createdAt" DESC LIMIT 8`)} AS "decisions",
    ${jsonRows(Prisma.sql`
      SELECT x."id", x."agreementId", x."startDate", x."participantsDescription", p."name" AS "partnerName"
      FROM "Exchange" x JOIN "Agreement" a ON a."id" = x."agreementId" JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE x."startDate" <= ${now}::date
      ORDER BY x."startDate" DESC LIMIT 5`)} AS "exchanges",
    ${jsonRows(Prisma.sql`
      SELECT e."id", e."agreementId", e."title", e."startsAt" FROM "Event" e
      -- A cancelled event did not happen: it is no recent activity.
      WHERE e."startsAt" <= ${now}::timestamptz AND e."cancelledAt" IS NULL
      ORDER BY e."startsAt" DESC LIMIT 5`)} AS "events"`;
  if (!panels) throw new Error("The dashboard's panels query returned no row.");
  const decisions = withDates<Panel<"decisions">>(panels.decisions, "createdAt");
  const exchanges = withDates<Panel<"exchanges">>(panels.exchanges, "startDate");
  const events = withDates<Panel<"events">>(panels.events, "startsAt");
  const recent: RecentItem[] = [
    ...decisions.map((decision) => ({
      id: `d-${decision.id}`,
      at: decision.createdAt,
      href: `/agreements/${decision.agreementId}`,
      readHref: `/agreements/${decision.agreementId}`,
      text: `${decision.partnerName}: ${decisionText(decision.kind, decision.toStatus)}`,
      type: "decision" as const,
      partnerName: decision.partnerName,
      kind: decision.kind,
      toStatus: decision.toStatus,
    })),
    ...exchanges.map((exchange) => ({
      id: `x-${exchange.id}`,
      at: exchange.startDate,
      href: `/exchanges/${exchange.id}/edit`,
      // For those who may not edit it: the agreement page, whose activity lists it.
      readHref: `/agreements/${exchange.agreementId}`,
      text: `Exchange with ${exchange.partnerName}${exchange.participantsDescription ? `: ${exchange.participantsDescription}` : ""}`,
      type: "exchange" as const,
      partnerName: exchange.partnerName,
      detail: exchange.participantsDescription,
    })),
    ...events.map((event) => ({
      id: `e-${event.id}`,
      at: event.startsAt,
      href: `/events/${event.id}/edit`,
      readHref: event.agreementId ? `/agreements/${event.agreementId}` : "/events",
      text: `Event: ${event.title}`,
      type: "event" as const,
      title: event.title,
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, 12);
  return {
    now,
    dormancyMonths,
    reviewsDue: withDates<Panel<"reviewsDue">>(panels.reviewsDue, "reviewDate"),
    dormant: withDates<Panel<"dormant">>(panels.dormant, "lastActivityOn"),
    recent,
  };
});

/**
 * Everything on the dashboard: the register's figures (kept 30 s) and the shared panels (kept
 * 5 s), then the one panel that is the user's own: the proposals awaiting their decision (a
 * councillor), or their own proposals still open (staff).
 */
export async function getDashboard(user: Actor) {
  const awaitingWhere =
    user.role === "COUNCILLOR"
      ? awaitingDecisionBy(user.id)
      : Prisma.sql`pr."state" = 'OPEN' AND pr."proposerId" = ${user.id}::uuid`;
  const thisYear = new Date().getUTCFullYear();
  const [{ grouped, perYear, themes }, shared, own] = await Promise.all([registerFigures(String(thisYear - YEARS_SHOWN + 1)), sharedPanels(), ownPanels(user, awaitingWhere)]);
  const { awaiting, returned } = own;

  const counts = Object.fromEntries(grouped.map((row) => [row.status, row._count._all])) as Partial<Record<AgreementStatus, number>>;
  const byYear = new Map(perYear.map((row) => [row.year, row]));
  const lastYear = Math.max(thisYear, ...perYear.map((row) => row.year));
  const years: ActivityYear[] = [];
  const startYear = perYear[0]?.year ?? thisYear;
  for (let year = startYear; year <= lastYear; year += 1) {
    const row = byYear.get(year);
    years.push({ year, exchanges: row?.exchanges ?? 0, events: 0, participants: row?.participants ?? 0 });
  }
  return { ...shared, counts, awaiting, returned, years, themes };
}

function decisionText(kind: DecisionKind, to: AgreementStatus | null): string {
  switch (kind) {
    case "SUBMITTED":
      return "submitted for approval";
    case "PROPOSED":
      return to === "SUSPENDED" ? "suspension proposed" : to === "TERMINATED" ? "termination proposed" : "reinstatement proposed";
    case "WITHDRAWN":
      return "draft withdrawn";
    case "IMPORTED":
      return "imported";
    default:
      return `now ${(to ?? "").toLowerCase().replace("_", " ")}`;
  }
}

/**
 * The user's own panels, in one statement: the proposals awaiting their decision (a councillor)
 * or their own still open (staff), and "Returned to you": their proposals that councillors
 * rejected, with the reason, until they act on that agreement (any decision of theirs on it
 * since: a new proposal, a withdrawal, a review) or it has ended. Only for those who propose.
 */
async function ownPanels(user: Actor, awaitingWhere: Prisma.Sql): Promise<{ awaiting: AwaitingProposal[]; returned: ReturnedProposal[] }> {
  const returned = can(user, "agreement:propose")
    ? jsonRows(Prisma.sql`
        SELECT pr."id", pr."kind", pr."closedAt", a."id" AS "agreementId", p."name" AS "partnerName",
          (SELECT d."reason" FROM "Decision" d WHERE d."proposalId" = pr."id" AND d."kind" = 'REJECTED' ORDER BY d."createdAt" DESC LIMIT 1) AS "rejectionReason"
        FROM "Proposal" pr JOIN "Agreement" a ON a."id" = pr."agreementId" JOIN "Partner" p ON p."id" = a."partnerId"
        WHERE pr."state" = 'REJECTED' AND pr."proposerId" = ${user.id}::uuid AND a."status" NOT IN ('TERMINATED', 'WITHDRAWN')
          AND NOT EXISTS (
            SELECT 1 FROM "Decision" later
            WHERE later."agreementId" = a."id" AND later."actorId" = ${user.id}::uuid AND later."createdAt" > pr."closedAt"
          )
        ORDER BY pr."closedAt" DESC, pr."id" DESC LIMIT 20`)
    : Prisma.sql`'[]'::json`;
  const [row] = await db.$queryRaw<{ awaiting: Record<string, unknown>[]; returned: Record<string, unknown>[] }[]>`SELECT
    ${jsonRows(Prisma.sql`
      SELECT pr."id", pr."kind", pr."createdAt", a."id" AS "agreementId", p."name" AS "partnerName"
      FROM "Proposal" pr JOIN "Agreement" a ON a."id" = pr."agreementId" JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE ${awaitingWhere} ORDER BY pr."createdAt" ASC, pr."id" ASC LIMIT 20`)} AS "awaiting",
    ${returned} AS "returned"`;
  if (!row) throw new Error("The dashboard's own panels query returned no row.");
  return { awaiting: withDates<AwaitingProposal>(row.awaiting, "createdAt"), returned: withDates<ReturnedProposal>(row.returned, "closedAt") };
}
