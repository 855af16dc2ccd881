import "server-only";
import { shortLived } from "@/lib/cache";
import { db } from "@/lib/db";
import type { AgreementStatus, Theme } from "@/generated/prisma/enums";
import type { ActivityYear } from "@/lib/exchanges/activity-summary";
import type { Actor } from "@/lib/permissions";
import { dormantWhere } from "./activity";
import { getSettings } from "./settings";

const REVIEW_WINDOW_DAYS = 90;
const YEARS_SHOWN = 15;

export type RecentItem = { id: string; at: Date; href: string; text: string };

/**
 * The figures over the whole register — agreements by status, exchanges per year, themes of the
 * active links — aggregate every row: computed at most every 30 seconds per server process, and
 * again after any write through the app (lib/cache.ts shortLived).
 */
const registerFigures = shortLived(30_000, async (firstYearText: string) => {
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

/** Everything on the dashboard, in a fixed number of queries whatever the data size. */
export async function getDashboard(user: Actor, now = new Date()) {
  const reviewBy = new Date(now.getTime() + REVIEW_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const settings = await getSettings();
  const dormant = await dormantWhere(now, settings.dormancyMonths);
  const firstYear = now.getUTCFullYear() - YEARS_SHOWN + 1;
  const [{ grouped, perYear, themes }, awaiting, reviewsDue, dormantLinks, decisions, exchanges, events] = await Promise.all([
    registerFigures(String(firstYear)),
    db.proposal.findMany({
      where:
        user.role === "COUNCILLOR"
          ? { state: "OPEN", proposerId: { not: user.id }, decisions: { none: { actorId: user.id, kind: { in: ["APPROVED", "REJECTED"] } } } }
          : { state: "OPEN", proposerId: user.id },
      orderBy: { createdAt: "asc" },
      take: 20,
      select: { id: true, kind: true, createdAt: true, agreement: { select: { id: true, partner: { select: { name: true } } } } },
    }),
    db.agreement.findMany({
      where: { status: { in: ["ACTIVE", "SUSPENDED"] }, reviewDate: { lte: reviewBy } },
      orderBy: { reviewDate: "asc" },
      take: 20,
      select: { id: true, reviewDate: true, partner: { select: { name: true } } },
    }),
    db.agreement.findMany({
      where: dormant,
      // Quietest first (never any activity last): an ordered walk of (status, lastActivityOn).
      orderBy: [{ lastActivityOn: "asc" }, { id: "asc" }],
      take: 20,
      select: { id: true, lastActivityOn: true, partner: { select: { name: true } } },
    }),
    db.decision.findMany({
      where: { kind: { in: ["SUBMITTED", "PROPOSED", "STATUS_CHANGED", "WITHDRAWN", "IMPORTED"] } },
      orderBy: { createdAt: "desc" },
      take: 8,
      select: { id: true, kind: true, toStatus: true, createdAt: true, agreement: { select: { id: true, partner: { select: { name: true } } } } },
    }),
    db.exchange.findMany({
      where: { startDate: { lte: now } },
      orderBy: { startDate: "desc" },
      take: 5,
      select: { id: true, startDate: true, participantsDescription: true, agreement: { select: { id: true, partner: { select: { name: true } } } } },
    }),
    db.event.findMany({
      orderBy: { startsAt: "desc" },
      where: { startsAt: { lte: now } },
      take: 5,
      select: { id: true, title: true, startsAt: true },
    }),
  ]);

  const counts = Object.fromEntries(grouped.map((row) => [row.status, row._count._all])) as Partial<Record<AgreementStatus, number>>;
  const byYear = new Map(perYear.map((row) => [row.year, row]));
  const lastYear = Math.max(now.getUTCFullYear(), ...perYear.map((row) => row.year));
  const years: ActivityYear[] = [];
  const startYear = perYear[0]?.year ?? now.getUTCFullYear();
  for (let year = startYear; year <= lastYear; year += 1) {
    const row = byYear.get(year);
    years.push({ year, exchanges: row?.exchanges ?? 0, events: 0, participants: row?.participants ?? 0 });
  }

  const recent: RecentItem[] = [
    ...decisions.map((decision) => ({
      id: `d-${decision.id}`,
      at: decision.createdAt,
      href: `/agreements/${decision.agreement.id}`,
      text: `${decision.agreement.partner.name}: ${decisionText(decision.kind, decision.toStatus)}`,
    })),
    ...exchanges.map((exchange) => ({
      id: `x-${exchange.id}`,
      at: exchange.startDate,
      href: `/exchanges/${exchange.id}/edit`,
      text: `Exchange with ${exchange.agreement.partner.name}${exchange.participantsDescription ? `: ${exchange.participantsDescription}` : ""}`,
    })),
    ...events.map((event) => ({ id: `e-${event.id}`, at: event.startsAt, href: `/events/${event.id}/edit`, text: `Event: ${event.title}` })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, 12);

  return { counts, awaiting, reviewsDue, dormant: dormantLinks, recent, years, themes, dormancyMonths: settings.dormancyMonths, now };
}

function decisionText(kind: string, to: AgreementStatus | null): string {
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
