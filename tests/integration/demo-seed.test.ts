// The demo tells its story on any date: seeded a year (and five years) from now, the pages'
// reads still show a review due soon, a dormant link beside a lively one, upcoming events on the
// events list and the partner pages, and a proposal open long enough for a reminder.
//
// The dashboard's read takes no `now`: it uses the process clock, and the activity the database
// stores is as of the database's clock (triggers and refresh use now()). So the process clock is
// moved to the seeding day here; the in-process PGlite follows it, a PostgreSQL server does not,
// so there the dashboard's dormancy is checked only as far as the stored activity allows (Kiel's
// regatta has not happened yet by the server's clock) and the full rule through the agreement
// page's read, which takes `now`.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { markChanged } from "@/lib/cache";
import { getAgreementActivity } from "@/lib/data/activity";
import { getDashboard } from "@/lib/data/dashboard";
import { listEvents } from "@/lib/data/events";
import { getPublicPartner, listPublicActivity } from "@/lib/data/public";
import { db } from "@/lib/db";
import { REVIEW_WINDOW_DAYS } from "@/lib/domain/lifecycle";
import { enqueueReminders } from "@/lib/jobs/reminders";
import { seedDemo, storyDate } from "@/prisma/demo";
import { backend, resetDatabase } from "../helpers/database";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

const DAY = 24 * 60 * 60 * 1000;

/** The same moment `years` on (the 28th at the latest: a day every month has). */
function yearsAhead(years: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth(), Math.min(now.getUTCDate(), 28), now.getUTCHours(), now.getUTCMinutes()));
}

async function agreementOf(partnerName: string): Promise<string> {
  return (await db.agreement.findFirstOrThrow({ where: { partner: { name: partnerName } }, select: { id: true } })).id;
}

afterAll(() => {
  vi.useRealTimers();
});

describe("storyDate", () => {
  it("counts days from the seeding day, and finds the next day of the year strictly after it", () => {
    const today = new Date("2031-02-13T15:00:00Z");
    expect(storyDate(today, { days: 9 }, "19:30")).toBe("2031-02-22T19:30:00Z");
    expect(storyDate(today, { days: -31 })).toBe("2031-01-13");
    expect(storyDate(today, { next: "02-13" }, "10:00")).toBe("2032-02-13T10:00:00Z");
    expect(storyDate(today, { next: "05-08" })).toBe("2031-05-08");
    expect(storyDate(new Date("2031-12-31T23:59:00Z"), { next: "01-01" })).toBe("2032-01-01");
  });
});

describe.each([1, 5])(`the demo seeded %i year(s) ahead (${backend()})`, (years) => {
  const today = yearsAhead(years);

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: today });
    await resetDatabase();
    expect((await seedDemo({ today })).created).toBe(true);
    // Fresh reads of the cached panels and public data, as after any write through the app.
    markChanged();
  }, 120_000);

  it("the dashboard: a review due soon, dormant links, and the recent regatta", async () => {
    const officer = await db.user.findUniqueOrThrow({ where: { email: "officer@example.org" }, select: { id: true, email: true, name: true, role: true } });
    const dashboard = await getDashboard(officer);
    expect(dashboard.now).toEqual(today);

    const dresden = dashboard.reviewsDue.find((row) => row.partnerName === "Dresden");
    expect(dresden, "Dresden's review is due").toBeDefined();
    expect(dresden!.reviewDate.getTime()).toBeGreaterThanOrEqual(today.getTime() - DAY);
    expect(dresden!.reviewDate.getTime()).toBeLessThanOrEqual(today.getTime() + REVIEW_WINDOW_DAYS * DAY);
    expect(dashboard.reviewsDue.map((row) => row.partnerName), "Kiel's review is later").not.toContain("Kiel");

    const dormant = dashboard.dormant.map((row) => row.partnerName);
    expect(dormant).toEqual(expect.arrayContaining(["Belgrade", "Ankh-Morpork"]));
    if (backend() === "pglite") expect(dormant, "Kiel's regatta keeps it lively").not.toContain("Kiel");

    expect(dashboard.recent.map((item) => item.text)).toContain("Exchange with Kiel: Kiel rowing club");
  });

  it("the agreement pages: Kiel lively, Belgrade dormant, as of the seeding day", async () => {
    const kiel = await getAgreementActivity(await agreementOf("Kiel"), today);
    expect(kiel?.dormant).toBe(false);
    expect(kiel!.lastActivity!.getTime()).toBeGreaterThan(today.getTime() - 365 * DAY);
    expect((await getAgreementActivity(await agreementOf("Belgrade"), today))?.dormant).toBe(true);
  });

  it("the events list: the Mariupol concert a week or so ahead, then the Dresden remembrance and the Kiel reception", async () => {
    const upcoming = await listEvents({ from: today.toISOString().slice(0, 10) });
    const startOf = (title: RegExp) => upcoming.items.find((event) => title.test(event.title))?.startsAt.getTime();
    const concert = startOf(/^Concert for Mariupol$/);
    expect(concert).toBeGreaterThan(today.getTime());
    expect(concert).toBeLessThan(today.getTime() + 14 * DAY);
    for (const title of [/^Dresden remembrance service$/, /^\d+ years of Coventry and Kiel$/]) {
      const startsAt = startOf(title);
      expect(startsAt, `${title.source} is upcoming`).toBeGreaterThan(today.getTime());
      expect(startsAt).toBeLessThanOrEqual(today.getTime() + 366 * DAY);
    }
  });

  it("the partner pages: Kiel's reception and Dresden's remembrance are upcoming, the years of friendship counted right", async () => {
    for (const [slug, title] of [
      ["kiel", /^(\d+) years of Coventry and Kiel$/],
      ["dresden", /^Dresden remembrance service$/],
    ] as const) {
      const page = await getPublicPartner(slug);
      expect(page, slug).not.toBeNull();
      const { events } = await listPublicActivity(page!.links.map((link) => link.agreementId));
      const upcoming = events.filter((event) => new Date(event.startsAt) > today);
      const event = upcoming.find((candidate) => title.test(candidate.title));
      expect(event, `${slug} shows an upcoming event`).toBeDefined();
      const counted = title.exec(event!.title)?.[1];
      if (counted) expect(Number(counted)).toBe(new Date(event!.startsAt).getUTCFullYear() - 1947);
    }
  });

  it("the Mariupol proposal has been open long enough for a reminder to the councillors", async () => {
    const { enqueued } = await enqueueReminders(today);
    expect(enqueued).toBeGreaterThanOrEqual(2);
  });
});
