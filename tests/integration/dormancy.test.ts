// Agreement.lastActivityOn and nextActivityAt, kept by the database triggers of migration
// 20261128210000_performance, give the same dormant links as the rule read straight from the
// exchanges and events (lastActivityByAgreement + isDormant), on both back ends.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedScale } from "@/scripts/lib/scale-seed";
import { markChanged } from "@/lib/cache";
import { dormantCondition, lastActivityByAgreement, refreshDueActivity } from "@/lib/data/activity";
import { db } from "@/lib/db";
import { dormancyCutoff, dormancySince, isDormant, lastActivityOf } from "@/lib/domain/dormancy";
import { createAgreement, createStaff, resetDatabase } from "../helpers/database";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

beforeEach(async () => {
  await resetDatabase();
  // When the next planned activity begins is kept a minute per process: each test starts afresh.
  markChanged();
});

const DAY = 24 * 60 * 60 * 1000;

function utcDay(offsetDays: number): Date {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + offsetDays * DAY);
}

/** The agreements the SQL rule finds dormant. */
async function dormantIds(now: Date, dormancyMonths: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT a."id"::text AS "id" FROM "Agreement" a WHERE ${await dormantCondition(now, dormancyMonths)}`;
  return rows.map((row) => row.id);
}

async function activityOf(agreementId: string) {
  return db.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { lastActivityOn: true, nextActivityAt: true } });
}

async function exchange(agreementId: string, createdById: string, startDate: Date, endDate: Date | null = null) {
  return db.exchange.create({ data: { agreementId, createdById, kind: "CULTURAL", direction: "OUTBOUND", startDate, endDate }, select: { id: true } });
}

describe("the stored activity of an agreement", () => {
  it("is the latest day of an exchange or event that has begun, and when the next planned one begins", async () => {
    const staff = await createStaff();
    const agreement = await createAgreement({ createdBy: staff });
    expect(await activityOf(agreement.id)).toEqual({ lastActivityOn: null, nextActivityAt: null });

    await exchange(agreement.id, staff.id, utcDay(-400), utcDay(-396));
    expect(await activityOf(agreement.id)).toEqual({ lastActivityOn: utcDay(-396), nextActivityAt: null });

    // Begun and still going: its end day counts.
    await exchange(agreement.id, staff.id, utcDay(-1), utcDay(3));
    expect((await activityOf(agreement.id)).lastActivityOn).toEqual(utcDay(3));

    // Planned: not activity yet, but it says when the stored day goes stale.
    await exchange(agreement.id, staff.id, utcDay(30), utcDay(32));
    const eventAt = new Date(utcDay(10).getTime() + 18 * 60 * 60 * 1000);
    await db.event.create({ data: { agreementId: agreement.id, createdById: staff.id, title: "Planned reception", kind: "CIVIC_VISIT", startsAt: eventAt } });
    expect(await activityOf(agreement.id)).toEqual({ lastActivityOn: utcDay(3), nextActivityAt: eventAt });

    // An event that has happened counts by its UTC day.
    await db.event.create({ data: { agreementId: agreement.id, createdById: staff.id, title: "Festival", kind: "FESTIVAL", startsAt: new Date(utcDay(-2).getTime() + 9 * 60 * 60 * 1000), endsAt: new Date(utcDay(5).getTime() + 23 * 60 * 60 * 1000) } });
    expect((await activityOf(agreement.id)).lastActivityOn).toEqual(utcDay(5));
  });

  it("follows an exchange moved to another agreement, and an edit of its dates", async () => {
    const staff = await createStaff();
    const [from, to] = [await createAgreement({ createdBy: staff }), await createAgreement({ createdBy: staff })];
    const { id } = await exchange(from.id, staff.id, utcDay(-100));
    await db.exchange.update({ where: { id }, data: { agreementId: to.id } });
    expect((await activityOf(from.id)).lastActivityOn).toBeNull();
    expect((await activityOf(to.id)).lastActivityOn).toEqual(utcDay(-100));
    await db.exchange.update({ where: { id }, data: { startDate: utcDay(-50), endDate: utcDay(-45) } });
    expect((await activityOf(to.id)).lastActivityOn).toEqual(utcDay(-45));
  });

  it("is refreshed once a planned exchange has begun (the passing of time, not a write)", async () => {
    const staff = await createStaff();
    const agreement = await createAgreement({ createdBy: staff });
    await db.agreement.update({ where: { id: agreement.id }, data: { linkBegan: utcDay(-4000) } });
    const { id } = await exchange(agreement.id, staff.id, utcDay(20));
    const dormant = async () => (await dormantIds(new Date(), 24)).includes(agreement.id);
    expect(await dormant()).toBe(true);
    // Time passes: the planned exchange is now yesterday's. Move it without the triggers, as if
    // the rows had been written 21 days ago.
    await db.$transaction([
      db.$executeRawUnsafe(`ALTER TABLE "Exchange" DISABLE TRIGGER "Exchange_activity_update"`),
      db.$executeRaw`UPDATE "Exchange" SET "startDate" = ${utcDay(-1)} WHERE id = ${id}::uuid`,
      db.$executeRaw`UPDATE "Agreement" SET "nextActivityAt" = ${utcDay(-1)} WHERE id = ${agreement.id}::uuid`,
      db.$executeRawUnsafe(`ALTER TABLE "Exchange" ENABLE TRIGGER "Exchange_activity_update"`),
    ]);
    expect(await activityOf(agreement.id)).toEqual({ lastActivityOn: null, nextActivityAt: utcDay(-1) });
    // The app had read when the next planned activity begins (in 20 days). Rows rewritten behind
    // its back show within a minute, or at once after a write through it, as here.
    markChanged();
    expect(await dormant()).toBe(false);
    expect(await activityOf(agreement.id)).toEqual({ lastActivityOn: utcDay(-1), nextActivityAt: null });
    expect(await refreshDueActivity()).toBe(0);
  });
});

describe("dormantCondition", () => {
  it("finds exactly the links that the rule read from every exchange and event finds", { timeout: 120_000 }, async () => {
    await seedScale(db, { agreements: 300, exchanges: 3000, events: 300, seed: 11 });
    const now = new Date();
    const { dormancyMonths } = await db.councilSettings.findFirst({ select: { dormancyMonths: true } }).then((row) => row ?? { dormancyMonths: 24 });
    const agreements = await db.agreement.findMany({ select: { id: true, status: true, linkBegan: true, formalisedOn: true, createdAt: true } });
    const last = await lastActivityByAgreement(agreements.map((agreement) => agreement.id), now);
    const expected = agreements
      .filter((agreement) => isDormant({ status: agreement.status, lastActivity: last.get(agreement.id) ?? null, now, dormancyMonths, since: dormancySince(agreement) }))
      .map((agreement) => agreement.id)
      .sort();
    const found = (await dormantIds(now, dormancyMonths)).sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(agreements.length / 2);
    expect(found).toEqual(expected);
  });
});

describe("the database's dormancy (triggers + dormantCondition) and isDormant", () => {
  it("agree at the window's edges: activity and a link's beginning a day either side of the cutoff, events across midnight, planned ones", async () => {
    const staff = await createStaff();
    const now = new Date();
    const dormancyMonths = 24;
    const cutoff = dormancyCutoff(now, dormancyMonths);
    const near = (days: number, hours = 0) => new Date(cutoff.getTime() + days * DAY + hours * 60 * 60 * 1000);
    type Activity = { exchanges: { start: Date; end?: Date }[]; events: { start: Date; end?: Date }[] };
    const activities: Record<string, Activity> = {
      none: { exchanges: [], events: [] },
      exchangeEndedTheDayBefore: { exchanges: [{ start: near(-5), end: near(-1) }], events: [] },
      exchangeEndingOnTheCutoff: { exchanges: [{ start: near(-5), end: near(0) }], events: [] },
      exchangeOneDayTheDayBefore: { exchanges: [{ start: near(-1) }], events: [] },
      exchangeOnTheCutoff: { exchanges: [{ start: near(0) }], events: [] },
      eventLateTheDayBefore: { exchanges: [], events: [{ start: near(-1, 22), end: near(-1, 23.5) }] },
      eventAcrossMidnight: { exchanges: [], events: [{ start: near(-1, 23), end: near(0, 1) }] },
      onlyPlanned: { exchanges: [{ start: utcDay(3) }], events: [{ start: new Date(now.getTime() + DAY) }] },
    };
    const beginnings: Record<string, { linkBegan: Date | null; formalisedOn: Date | null }> = {
      beganTheDayBefore: { linkBegan: near(-1), formalisedOn: null },
      beganOnTheCutoff: { linkBegan: near(0), formalisedOn: near(400) },
      formalisedTheDayBefore: { linkBegan: null, formalisedOn: near(-1) },
      formalisedOnTheCutoff: { linkBegan: null, formalisedOn: near(0) },
      draftedHereToday: { linkBegan: null, formalisedOn: null },
    };
    const cases: { id: string; name: string; expected: boolean; lastActivity: Date | null }[] = [];
    for (const status of ["ACTIVE", "SUSPENDED"] as const) {
      for (const [beginning, dates] of Object.entries(beginnings)) {
        for (const [activity, { exchanges, events }] of Object.entries(activities)) {
          const agreement = await createAgreement({ status, createdBy: staff });
          const { createdAt } = await db.agreement.update({ where: { id: agreement.id }, data: dates, select: { createdAt: true } });
          for (const { start, end } of exchanges) await exchange(agreement.id, staff.id, start, end ?? null);
          for (const { start, end } of events) {
            await db.event.create({ data: { agreementId: agreement.id, createdById: staff.id, title: "Visit", kind: "CIVIC_VISIT", startsAt: start, endsAt: end ?? null } });
          }
          const lastActivity = lastActivityOf([...exchanges, ...events], now);
          const expected = isDormant({ status, lastActivity, now, dormancyMonths, since: dormancySince({ ...dates, createdAt }) });
          cases.push({ id: agreement.id, name: `${status} ${beginning} ${activity}`, expected, lastActivity });
        }
      }
    }
    const found = new Set(await dormantIds(now, dormancyMonths));
    const disagreements = cases.filter((item) => found.has(item.id) !== item.expected).map((item) => `${item.name}: isDormant says ${item.expected}`);
    expect(disagreements).toEqual([]);
    // The agreement page's read of the last activity (lastActivityByAgreement) agrees with the rule too.
    const read = await lastActivityByAgreement(cases.map((item) => item.id), now);
    expect(cases.filter((item) => (read.get(item.id)?.getTime() ?? null) !== (item.lastActivity?.getTime() ?? null)).map((item) => item.name)).toEqual([]);
    // The grid has both answers, so agreeing means something.
    expect(cases.filter((item) => item.expected).length).toBeGreaterThan(5);
    expect(cases.filter((item) => !item.expected).length).toBeGreaterThan(5);
  });
});
