import "server-only";
import { memoUntilChanged } from "@/lib/cache";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import type { AgreementStatus, DecisionKind, ProposalKind, Theme } from "@/generated/prisma/enums";
import type { ActivityYear } from "@/lib/exchanges/activity-summary";
import { seesPanel, type Actor } from "@/lib/domain/permissions";
import { EMAIL_RULE, emailKey, lockedUntil } from "@/lib/domain/sign-in-lock";
import { jobsHeartbeatIsStale } from "@/lib/domain/jobs-heartbeat";
import { readJobsHeartbeat } from "@/lib/jobs/job-run";
import { dormantCondition } from "./activity";
import { reviewDueCondition } from "./agreements";
import { decisionChainStatus } from "./audit";
import { awaitingDecisionBy } from "./notifications";
import { getSettings } from "./settings";

const YEARS_SHOWN = 15;
/** How many rows a panel lists; its total counts them all. */
const PANEL_ROWS = 20;
/** How many of the next events the officers' panel lists. */
const UPCOMING_EVENTS = 10;
/** How many failed emails the admins' panel lists, newest first (the outbox lists them all). */
const FAILED_EMAILS = 5;

/**
 * A row of the recent activity: what happened, for the page to word in its language, with `text`
 * its English wording.
 */
export type RecentItem = { id: string; at: Date; href: string; text: string; readHref: string } & (
  | { type: "decision"; partnerName: string; kind: DecisionKind; toStatus: AgreementStatus | null; amendment: boolean }
  | { type: "exchange"; partnerName: string; detail: string | null }
  | { type: "event"; title: string }
);

/**
 * The figures over the whole register — agreements by status, with how many of each are due a
 * review or dormant (the officers' panels' totals), exchanges per year, themes of the active links
 * — aggregate every row: computed once per server process until the register, its activity or
 * the settings change (lib/cache), or 30 seconds. A caller that gives its own `now` (a test) reads
 * them afresh.
 */
const registerFiguresNow = memoUntilChanged({ topics: ["links", "activity", "settings"], maxEntries: 4, maxAgeMs: 30_000 }, (firstYear: string) => readRegisterFigures(Number(firstYear), new Date()));

function registerFigures(firstYear: number, now?: Date) {
  return now ? readRegisterFigures(firstYear, now) : registerFiguresNow(String(firstYear));
}

async function readRegisterFigures(firstYear: number, now: Date) {
  const dormant = await dormantCondition(now, (await getSettings()).dormancyMonths);
  const [grouped, perYear, themes] = await Promise.all([
    // One read of every agreement for the tally and both totals: counting reads what it counts.
    db.$queryRaw<{ status: AgreementStatus; count: number; reviewsDue: number; dormant: number }[]>`
      SELECT a."status", COUNT(*)::int AS "count",
        (COUNT(*) FILTER (WHERE ${reviewDueCondition(now)}))::int AS "reviewsDue",
        (COUNT(*) FILTER (WHERE ${dormant}))::int AS "dormant"
      FROM "Agreement" a GROUP BY a."status"`,
    db.$queryRaw<{ year: number; exchanges: number; participants: number }[]>`
      SELECT EXTRACT(YEAR FROM "startDate")::int AS "year", COUNT(*)::int AS "exchanges", COALESCE(SUM("participantCount"), 0)::int AS "participants"
      FROM "Exchange" WHERE "startDate" >= ${new Date(Date.UTC(firstYear, 0, 1))}::date
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ theme: Theme; count: number }[]>`
      SELECT "theme", COUNT(*)::int AS "count" FROM "Agreement", UNNEST("themes") AS "theme"
      WHERE "status" = 'ACTIVE' GROUP BY 1 ORDER BY 2 DESC, 1`,
  ]);
  return { grouped, perYear, themes };
}

/** A row of each dashboard panel. */
type Panels = {
  reviewsDue: { id: string; reviewDate: Date; partnerName: string };
  dormant: { id: string; lastActivityOn: Date | null; partnerName: string };
  upcomingEvents: { id: string; agreementId: string | null; title: string; startsAt: Date; place: string | null };
  /** `amendment`: the decision carries an amendment's changes (its proposal, or the amendment taking effect). */
  decisions: { id: string; kind: DecisionKind; toStatus: AgreementStatus | null; amendment: boolean; createdAt: Date; agreementId: string; partnerName: string };
  exchanges: { id: string; agreementId: string; startDate: Date; participantsDescription: string | null; partnerName: string };
  events: { id: string; agreementId: string | null; title: string; startsAt: Date };
};
type Panel<Name extends keyof Panels> = Panels[Name];
type AwaitingProposal = { id: string; kind: ProposalKind; createdAt: Date; agreementId: string; partnerName: string };
/** A proposal of the user's that councillors rejected, with the rejection's reason. */
type ReturnedProposal = { id: string; kind: ProposalKind; closedAt: Date; agreementId: string; partnerName: string; rejectionReason: string | null };
type Draft = { id: string; title: string | null; updatedAt: Date; partnerName: string };
/** An active account whose sign-in is locked now (lib/domain/sign-in-lock.ts), until when. */
type LockedAccount = { id: string; name: string; email: string; lockedUntil: Date };
type FailedEmail = { id: string; subject: string; recipientEmail: string; createdAt: Date; nextAttemptAt: Date | null };

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

/** An event still to come: planned, not cancelled (the officers' "Upcoming events"). */
function upcomingEventCondition(now: Date): Prisma.Sql {
  return Prisma.sql`e."startsAt" >= ${now}::timestamptz AND e."cancelledAt" IS NULL`;
}

/**
 * The panels that every user sees alike — reviews due, dormant links, upcoming events, recent
 * activity — in ONE statement, each a JSON array of its first rows by an index (their totals are
 * the register's figures', but the events' count, a range of an index).
 * Kept 5 s per server process, or until what they show changes (lib/cache): the statement's cost,
 * mostly planning, was paid by every dashboard view. Their `now` is the time they were read; a
 * caller that gives its own (a test) reads them afresh.
 */
const sharedPanelsNow = memoUntilChanged({ topics: ["links", "activity", "decisions", "settings"], maxEntries: 1, maxAgeMs: 5_000 }, () => readSharedPanels(new Date()));

function sharedPanels(now?: Date) {
  return now ? readSharedPanels(now) : sharedPanelsNow();
}

async function readSharedPanels(now: Date) {
  const { dormancyMonths } = await getSettings();
  const dormant = await dormantCondition(now, dormancyMonths);
  const [panels] = await db.$queryRaw<(Record<keyof Panels, Record<string, unknown>[]> & { upcomingEventsTotal: number })[]>`SELECT
    ${jsonRows(Prisma.sql`
      SELECT a."id", a."reviewDate", p."name" AS "partnerName"
      FROM "Agreement" a JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE ${reviewDueCondition(now)}
      ORDER BY a."reviewDate" ASC, a."id" ASC LIMIT ${PANEL_ROWS}`)} AS "reviewsDue",
    ${jsonRows(Prisma.sql`
      SELECT a."id", a."lastActivityOn", p."name" AS "partnerName"
      FROM "Agreement" a JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE ${dormant}
      -- Quietest first (never any activity last): an ordered walk of (status, lastActivityOn).
      ORDER BY a."lastActivityOn" ASC NULLS LAST, a."id" ASC LIMIT ${PANEL_ROWS}`)} AS "dormant",
    ${jsonRows(Prisma.sql`
      SELECT e."id", e."agreementId", e."title", e."startsAt", e."place" FROM "Event" e
      WHERE ${upcomingEventCondition(now)}
      ORDER BY e."startsAt" ASC, e."id" ASC LIMIT ${UPCOMING_EVENTS}`)} AS "upcomingEvents",
    (SELECT COUNT(*)::int FROM "Event" e WHERE ${upcomingEventCondition(now)}) AS "upcomingEventsTotal",
    ${jsonRows(Prisma.sql`
      SELECT d."id", d."kind", d."toStatus", d."changes" IS NOT NULL AS "amendment", d."createdAt", a."id" AS "agreementId", p."name" AS "partnerName"
      FROM "Decision" d JOIN "Agreement" a ON a."id" = d."agreementId" JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE d."kind" IN ('SUBMITTED', 'PROPOSED', 'STATUS_CHANGED', 'WITHDRAWN', 'IMPORTED', 'AMENDED')
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
      text: `${decision.partnerName}: ${decisionText(decision.kind, decision.toStatus, decision.amendment)}`,
      type: "decision" as const,
      partnerName: decision.partnerName,
      kind: decision.kind,
      toStatus: decision.toStatus,
      amendment: decision.amendment,
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
    upcomingEvents: withDates<Panel<"upcomingEvents">>(panels.upcomingEvents, "startsAt"),
    upcomingEventsTotal: panels.upcomingEventsTotal,
    recent,
  };
}

/**
 * Everything on the dashboard: the register's figures (kept 30 s) and the shared panels (kept
 * 5 s), then the user's own panels (read per view) and, for admins, the decision record's state
 * (lib/data/audit.ts) and when the scheduled jobs last ran (their heartbeat, one row). Only the panels the user sees (DASHBOARD_PANELS) are read or returned;
 * the others are empty. `now`: the time to read them at (tests), else the clock.
 */
export async function getDashboard(user: Actor, now?: Date) {
  const at = now ?? new Date();
  const thisYear = at.getUTCFullYear();
  const [{ grouped, perYear, themes }, shared, own, decisionRecord, jobsLastRanAt] = await Promise.all([
    registerFigures(thisYear - YEARS_SHOWN + 1, now),
    sharedPanels(now),
    ownPanels(user, at),
    seesPanel(user, "decisionRecord") ? decisionChainStatus() : null,
    seesPanel(user, "jobsHeartbeat") ? readJobsHeartbeat() : null,
  ]);
  const jobsHeartbeat = seesPanel(user, "jobsHeartbeat") ? { lastRanAt: jobsLastRanAt, stale: jobsHeartbeatIsStale(jobsLastRanAt, at) } : null;
  const { upcomingEventsTotal, ...sharedRows } = shared;
  const sum = (column: "reviewsDue" | "dormant") => grouped.reduce((total, row) => total + row[column], 0);
  const reviewsDue = seesPanel(user, "reviewsDue") ? sharedRows.reviewsDue : [];
  const dormant = seesPanel(user, "dormant") ? sharedRows.dormant : [];
  const upcomingEvents = seesPanel(user, "upcomingEvents") ? sharedRows.upcomingEvents : [];
  const totals = {
    ...own.totals,
    reviewsDue: seesPanel(user, "reviewsDue") ? sum("reviewsDue") : 0,
    dormant: seesPanel(user, "dormant") ? sum("dormant") : 0,
    upcomingEvents: seesPanel(user, "upcomingEvents") ? upcomingEventsTotal : 0,
  };

  const counts = Object.fromEntries(grouped.map((row) => [row.status, row.count])) as Partial<Record<AgreementStatus, number>>;
  const byYear = new Map(perYear.map((row) => [row.year, row]));
  const lastYear = Math.max(thisYear, ...perYear.map((row) => row.year));
  const years: ActivityYear[] = [];
  const startYear = perYear[0]?.year ?? thisYear;
  for (let year = startYear; year <= lastYear; year += 1) {
    const row = byYear.get(year);
    years.push({ year, exchanges: row?.exchanges ?? 0, events: 0, participants: row?.participants ?? 0 });
  }
  return { ...sharedRows, reviewsDue, dormant, upcomingEvents, ...own.rows, decisionRecord, jobsHeartbeat, totals, counts, years, themes };
}

function decisionText(kind: DecisionKind, to: AgreementStatus | null, amendment: boolean): string {
  switch (kind) {
    case "SUBMITTED":
      return "submitted for approval";
    case "AMENDED":
      return "terms amended";
    case "PROPOSED":
      if (amendment) return "amendment proposed";
      return to === "SUSPENDED" ? "suspension proposed" : to === "TERMINATED" ? "termination proposed" : "reinstatement proposed";
    case "WITHDRAWN":
      return "draft withdrawn";
    case "IMPORTED":
      return "imported";
    default:
      return `now ${(to ?? "").toLowerCase().replace("_", " ")}`;
  }
}

/** A panel as one JSON value — its first rows in order, and how many there are — or JSON null when the user does not see it. */
function panelJson(shown: boolean, panel: { columns: Prisma.Sql; from: Prisma.Sql; order: Prisma.Sql; limit?: number }): Prisma.Sql {
  if (!shown) return Prisma.sql`NULL::json`;
  return Prisma.sql`json_build_object(
    'rows', ${jsonRows(Prisma.sql`SELECT ${panel.columns} ${panel.from} ORDER BY ${panel.order} LIMIT ${panel.limit ?? PANEL_ROWS}`)},
    'total', (SELECT COUNT(*)::int ${panel.from}))`;
}

type PanelJson = { rows: Record<string, unknown>[]; total: number } | null;

/**
 * The user's own panels, in one statement, each only for those who see it (DASHBOARD_PANELS):
 * - "My drafts": drafts they created or lead, the latest edited first;
 * - their own proposals still open (staff), or those awaiting their vote (a councillor);
 * - "Returned to you": their proposals that councillors rejected, with the reason, until they act
 *   on that agreement (any decision of theirs on it since: a new proposal, a withdrawal, a review)
 *   or it has ended;
 * - admins: the active accounts whose sign-in is locked at `now` (the lock's own rule decides, on
 *   the counters that say they may be), and the emails that failed, newest first.
 */
async function ownPanels(user: Actor, now: Date) {
  const me = Prisma.sql`${user.id}::uuid`;
  const proposalFrom = (where: Prisma.Sql) => Prisma.sql`FROM "Proposal" pr JOIN "Agreement" a ON a."id" = pr."agreementId" JOIN "Partner" p ON p."id" = a."partnerId" WHERE ${where}`;
  const proposalColumns = Prisma.sql`pr."id", pr."kind", pr."createdAt", a."id" AS "agreementId", p."name" AS "partnerName"`;
  const proposalOrder = Prisma.sql`pr."createdAt" ASC, pr."id" ASC`;
  // The counter of an account's email is keyed emailKey(email): the prefix, then the email.
  const lockedCandidates = seesPanel(user, "lockedAccounts")
    ? jsonRows(Prisma.sql`
        SELECT u."id", u."name", u."email", c."failures", c."pending", c."pendingSince", c."firstFailureAt", c."lastFailureAt", c."lockedUntil"
        FROM "User" u JOIN "SignInCounter" c ON c."key" = ${emailKey("")} || u."email"
        WHERE u."active" AND c."lockedUntil" > ${now}::timestamptz
        ORDER BY c."lockedUntil" DESC, u."id" ASC`)
    : Prisma.sql`NULL::json`;
  const [row] = await db.$queryRaw<{ drafts: PanelJson; ownProposals: PanelJson; awaitingVote: PanelJson; returned: PanelJson; lockedCandidates: Record<string, unknown>[] | null; failedEmails: PanelJson }[]>`SELECT
    ${panelJson(seesPanel(user, "drafts"), {
      columns: Prisma.sql`a."id", a."title", a."updatedAt", p."name" AS "partnerName"`,
      from: Prisma.sql`FROM "Agreement" a JOIN "Partner" p ON p."id" = a."partnerId" WHERE a."status" = 'DRAFT' AND (a."createdById" = ${me} OR a."leadOfficerId" = ${me})`,
      order: Prisma.sql`a."updatedAt" DESC, a."id" ASC`,
    })} AS "drafts",
    ${panelJson(seesPanel(user, "ownProposals"), { columns: proposalColumns, from: proposalFrom(Prisma.sql`pr."state" = 'OPEN' AND pr."proposerId" = ${me}`), order: proposalOrder })} AS "ownProposals",
    ${panelJson(seesPanel(user, "awaitingVote"), { columns: proposalColumns, from: proposalFrom(awaitingDecisionBy(user.id)), order: proposalOrder })} AS "awaitingVote",
    ${panelJson(seesPanel(user, "returned"), {
      columns: Prisma.sql`pr."id", pr."kind", pr."closedAt", a."id" AS "agreementId", p."name" AS "partnerName",
        (SELECT d."reason" FROM "Decision" d WHERE d."proposalId" = pr."id" AND d."kind" = 'REJECTED' ORDER BY d."createdAt" DESC LIMIT 1) AS "rejectionReason"`,
      from: proposalFrom(Prisma.sql`pr."state" = 'REJECTED' AND pr."proposerId" = ${me} AND a."status" NOT IN ('TERMINATED', 'WITHDRAWN')
        AND NOT EXISTS (
          SELECT 1 FROM "Decision" later
          WHERE later."agreementId" = a."id" AND later."actorId" = ${me} AND later."createdAt" > pr."closedAt"
        )`),
      order: Prisma.sql`pr."closedAt" DESC, pr."id" DESC`,
    })} AS "returned",
    ${lockedCandidates} AS "lockedCandidates",
    ${panelJson(seesPanel(user, "failedEmails"), {
      columns: Prisma.sql`o."id", o."subject", o."recipientEmail", o."createdAt", o."nextAttemptAt"`,
      from: Prisma.sql`FROM "OutboxMessage" o WHERE o."status" = 'FAILED'`,
      order: Prisma.sql`o."createdAt" DESC, o."id" ASC`,
      limit: FAILED_EMAILS,
    })} AS "failedEmails"`;
  if (!row) throw new Error("The dashboard's own panels query returned no row.");
  type Counter = { id: string; name: string; email: string; failures: number; pending: number; pendingSince: Date | null; firstFailureAt: Date | null; lastFailureAt: Date | null; lockedUntil: Date | null };
  const locked: LockedAccount[] = [];
  for (const counter of withDates<Counter>(row.lockedCandidates ?? [], "pendingSince", "firstFailureAt", "lastFailureAt", "lockedUntil")) {
    const until = lockedUntil(counter, EMAIL_RULE, now);
    if (until) locked.push({ id: counter.id, name: counter.name, email: counter.email, lockedUntil: until });
  }
  return {
    rows: {
      drafts: withDates<Draft>(row.drafts?.rows ?? [], "updatedAt"),
      ownProposals: withDates<AwaitingProposal>(row.ownProposals?.rows ?? [], "createdAt"),
      awaitingVote: withDates<AwaitingProposal>(row.awaitingVote?.rows ?? [], "createdAt"),
      returned: withDates<ReturnedProposal>(row.returned?.rows ?? [], "closedAt"),
      lockedAccounts: locked.slice(0, PANEL_ROWS),
      failedEmails: withDates<FailedEmail>(row.failedEmails?.rows ?? [], "createdAt", "nextAttemptAt"),
    },
    totals: {
      drafts: row.drafts?.total ?? 0,
      ownProposals: row.ownProposals?.total ?? 0,
      awaitingVote: row.awaitingVote?.total ?? 0,
      returned: row.returned?.total ?? 0,
      lockedAccounts: locked.length,
      failedEmails: row.failedEmails?.total ?? 0,
    },
  };
}
