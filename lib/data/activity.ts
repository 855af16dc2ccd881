import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { memoUntilChanged } from "@/lib/cache";
import { db } from "@/lib/db";
import { DORMANCY_SINCE_FIELDS, DORMANT_STATUS, dormancyCutoff, dormancySince, isDormant, type DormancySinceField } from "@/lib/domain/dormancy";
import { summariseActivity, type ActivityItem, type AgreementActivity } from "@/lib/exchanges/activity-summary";
import { isUuid } from "@/lib/domain/validation/fields";
import { exchangeFieldsSelect } from "./exchanges";
import { getSettings } from "./settings";

/**
 * An agreement's exchanges and events (internal ones too: staff only), in date order, with
 * totals per year and whether it is dormant. Null when there is no such agreement.
 */
export async function getAgreementActivity(agreementId: string, now = new Date()): Promise<AgreementActivity | null> {
  if (!isUuid(agreementId)) return null;
  const [agreement, exchanges, events, settings, last] = await Promise.all([
    db.agreement.findUnique({ where: { id: agreementId }, select: { status: true, linkBegan: true, formalisedOn: true, createdAt: true } }),
    db.exchange.findMany({
      where: { agreementId },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
      select: {
        id: true,
        ...exchangeFieldsSelect,
      },
    }),
    db.event.findMany({
      where: { agreementId },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, kind: true, startsAt: true, endsAt: true, timeZone: true, place: true, visibility: true, cancelledAt: true },
    }),
    getSettings(),
    lastActivityByAgreement([agreementId], now),
  ]);
  if (!agreement) return null;
  const items: ActivityItem[] = [
    ...exchanges.map(({ startDate, cost, ...exchange }) => ({ ...exchange, type: "exchange" as const, date: startDate, cost: cost?.toFixed(2) ?? null })),
    ...events.map(({ startsAt, ...event }) => ({ ...event, type: "event" as const, date: startsAt })),
  ];
  const lastActivity = last.get(agreementId) ?? null;
  const dormant = isDormant({ status: agreement.status, lastActivity, now, dormancyMonths: settings.dormancyMonths, since: dormancySince(agreement) });
  return { ...summariseActivity(items, now), agreementId, status: agreement.status, dormant, dormancyMonths: settings.dormancyMonths, lastActivity, now };
}

/**
 * For each agreement, its latest exchange or event on or before `now` (an exchange counts
 * until its end date; a planned one does not count yet; a cancelled event never), in ONE query. Agreements with none
 * are missing from the map.
 */
export async function lastActivityByAgreement(agreementIds: readonly string[], now = new Date()): Promise<Map<string, Date>> {
  const ids = [...new Set(agreementIds)].filter(isUuid);
  if (ids.length === 0) return new Map();
  const idList = Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));
  // Dates are calendar dates at UTC midnight, whatever the session's time zone.
  const rows = await db.$queryRaw<{ agreementId: string; lastActivity: Date | string }[]>`
    SELECT "agreementId"::text AS "agreementId", MAX("at") AS "lastActivity"
    FROM (
      SELECT "agreementId", LEAST(COALESCE("endDate", "startDate")::timestamp AT TIME ZONE 'UTC', ${now}::timestamptz) AS "at"
      FROM "Exchange"
      WHERE "agreementId" IN (${idList}) AND "startDate"::timestamp AT TIME ZONE 'UTC' <= ${now}::timestamptz
      UNION ALL
      SELECT "agreementId", LEAST(COALESCE("endsAt", "startsAt"), ${now}::timestamptz) AS "at"
      FROM "Event"
      WHERE "agreementId" IN (${idList}) AND "startsAt" <= ${now}::timestamptz AND "cancelledAt" IS NULL
    ) AS "activity"
    GROUP BY "agreementId"`;
  return new Map(rows.map((row) => [row.agreementId, new Date(row.lastActivity)]));
}

/** What refreshDueActivity needs: the app's client or a transaction's. */
type RawClient = Pick<typeof db, "$queryRaw">;

/**
 * Brings Agreement.lastActivityOn up to date where a planned exchange or event has begun since it
 * was last computed (nextActivityAt has come). The database triggers keep it right on every write
 * (migration 20261128210000_performance); only the passing of time needs this. Usually no row.
 */
export async function refreshDueActivity(client: RawClient = db): Promise<number> {
  // The function only when something is due: calling it with nothing to do still costs the
  // database time on every list and dashboard view.
  const [row] = await client.$queryRaw<{ refreshed: number }[]>`
    SELECT CASE WHEN EXISTS (SELECT 1 FROM "Agreement" WHERE "nextActivityAt" <= now())
      THEN "agreement_activity_refresh"(ARRAY(SELECT "id" FROM "Agreement" WHERE "nextActivityAt" <= now()))
      ELSE 0 END AS "refreshed"`;
  return row?.refreshed ?? 0;
}

/**
 * When the next planned exchange or event begins (the earliest "nextActivityAt"), read after a
 * refresh and kept a minute per server process, or until the activity changes (lib/cache). Until
 * then nothing can be due, and a dormancy query need not ask: that round trip per view was a
 * large part of the list page's cost (README, Performance).
 */
const nextPlannedActivity = memoUntilChanged({ topics: ["links", "activity"], maxEntries: 1, maxAgeMs: 60_000 }, async () => {
  await refreshDueActivity();
  const [row] = await db.$queryRaw<{ at: Date | null }[]>`SELECT MIN("nextActivityAt") AS "at" FROM "Agreement"`;
  return row?.at ?? null;
});

/**
 * The dormancy rule (isDormant in lib/domain/dormancy.ts, whose constants it is built from) in SQL over "Agreement" AS a, after
 * refreshing what time has made stale: Active, no exchange or event since the window began
 * (the stored "lastActivityOn", an index lookup on (status, lastActivityOn)), and began before
 * it (link began, else formalised, else drafted). A boolean expression: a filter in a WHERE,
 * or a column that says which rows of a page are dormant. In a transaction (`client`), the
 * refresh always runs in it.
 */
export async function dormantCondition(now: Date, dormancyMonths: number, client: RawClient = db): Promise<Prisma.Sql> {
  const cutoff = dormancyCutoff(now, dormancyMonths);
  if (client !== db) await refreshDueActivity(client);
  else {
    const next = await nextPlannedActivity();
    if (next && next <= new Date()) await refreshDueActivity();
  }
  // The first known of the "since" fields began before the window: each compared in its own
  // column type (a date with a date), never coalesced into a timestamp in the session's zone.
  const earlierUnknown: Prisma.Sql[] = [];
  const beganBefore = DORMANCY_SINCE_FIELDS.map((field) => {
    const column = Prisma.raw(`a."${field}"`);
    const known = Prisma.sql`(${Prisma.join([...earlierUnknown, Prisma.sql`${column} < ${cutoff}::${Prisma.raw(SINCE_COLUMN_TYPE[field])}`], " AND ")})`;
    earlierUnknown.push(Prisma.sql`${column} IS NULL`);
    return known;
  });
  return Prisma.sql`(a."status" = ${Prisma.raw(`'${DORMANT_STATUS}'`)}
    AND (a."lastActivityOn" IS NULL OR a."lastActivityOn" < ${cutoff}::date)
    AND (${Prisma.join(beganBefore, " OR ")}))`;
}

/** The column type of each field the dormancy rule reads its "since" from. */
const SINCE_COLUMN_TYPE: Record<DormancySinceField, "date" | "timestamptz"> = { linkBegan: "date", formalisedOn: "date", createdAt: "timestamptz" };
