import { describe, expect, it } from "vitest";
import { summariseActivity, type EventActivity, type ExchangeActivity } from "./activity-summary";

const now = new Date("2026-11-28T09:00:00Z");

function exchange(id: string, date: string, extra: Partial<ExchangeActivity> = {}): ExchangeActivity {
  return {
    type: "exchange",
    id,
    date: new Date(`${date}T00:00:00Z`),
    endDate: null,
    kind: "SPORT",
    direction: "INBOUND",
    participantCount: null,
    participantsDescription: "",
    cost: null,
    currency: null,
    fundingSource: null,
    outcomes: "",
    visibility: "PUBLIC",
    ...extra,
  };
}

function event(id: string, startsAt: string): EventActivity {
  return { type: "event", id, date: new Date(startsAt), endsAt: null, timeZone: "Europe/London", title: id, kind: "FESTIVAL", place: "", visibility: "INTERNAL" };
}

describe("summariseActivity", () => {
  it("is empty without activity", () => {
    expect(summariseActivity([], now)).toEqual({ items: [], years: [], totals: { exchanges: 0, events: 0, participants: 0, spend: [] } });
  });

  it("lists a cancelled event but counts it in no total or year", () => {
    const summary = summariseActivity([event("held", "2025-05-08T11:00:00Z"), { ...event("off", "2025-06-08T11:00:00Z"), cancelledAt: new Date("2025-06-01T09:00:00Z") }], now);
    expect(summary.items.map((item) => item.id)).toEqual(["held", "off"]);
    expect(summary.totals.events).toBe(1);
    expect(summary.years.find((year) => year.year === 2025)?.events).toBe(1);
  });

  it("puts exchanges and events in date order, oldest first", () => {
    const summary = summariseActivity([exchange("b", "2025-05-17"), event("c", "2027-05-08T17:00:00Z"), exchange("a", "2023-07-03")], now);
    expect(summary.items.map((item) => item.id)).toEqual(["a", "b", "c"]);
  });

  it("counts every year from the first activity to the later of this year and the last one, gaps included", () => {
    const summary = summariseActivity([exchange("a", "2023-07-03", { participantCount: 24 }), exchange("b", "2025-05-17", { participantCount: 40 }), event("c", "2025-12-31T23:30:00Z")], now);
    expect(summary.years).toEqual([
      { year: 2023, exchanges: 1, events: 0, participants: 24 },
      { year: 2024, exchanges: 0, events: 0, participants: 0 },
      { year: 2025, exchanges: 1, events: 1, participants: 40 },
      { year: 2026, exchanges: 0, events: 0, participants: 0 },
    ]);
    expect(summariseActivity([event("c", "2027-05-08T17:00:00Z")], now).years.map((row) => row.year)).toEqual([2027]);
  });

  it("totals participants, and spend exactly per currency", () => {
    const summary = summariseActivity(
      [
        exchange("a", "2023-07-03", { participantCount: 24, cost: "6400.10", currency: "GBP" }),
        exchange("b", "2024-01-01", { participantCount: 6, cost: "0.20", currency: "GBP" }),
        exchange("c", "2025-05-17", { cost: "1200.05", currency: "EUR" }),
        exchange("d", "2025-06-17", { participantCount: 3 }),
      ],
      now,
    );
    expect(summary.totals).toEqual({
      exchanges: 4,
      events: 0,
      participants: 33,
      spend: [
        { currency: "EUR", amount: "1200.05" },
        { currency: "GBP", amount: "6400.30" },
      ],
    });
  });
});
