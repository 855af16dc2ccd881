import { describe, expect, it } from "vitest";
import { endOf, eventIdOfCalendarFile, isUpcoming, partnersOfEvents, pastEvents, upcomingEvents, type WhatsOnEvent } from "./whats-on";

const NOW = new Date("2027-03-01T12:00:00Z");

function event(id: string, startsAt: string, fields: Partial<WhatsOnEvent> = {}): WhatsOnEvent {
  return { id, title: id, kind: "FESTIVAL", startsAt: new Date(startsAt), endsAt: null, timeZone: "Europe/London", place: "", description: "", cancelledAt: null, cancellationPublicReason: null, partner: null, ...fields };
}

describe("what is on", () => {
  it("is upcoming until it has ended (its end, else its start)", () => {
    const underWay = event("a", "2027-03-01T10:00:00Z", { endsAt: new Date("2027-03-01T14:00:00Z") });
    expect(isUpcoming(underWay, NOW)).toBe(true);
    expect(endOf(event("b", "2027-03-01T10:00:00Z", { endsAt: new Date("2027-03-01T09:00:00Z") }))).toEqual(new Date("2027-03-01T10:00:00Z"));
    expect(isUpcoming(event("c", "2027-03-01T11:59:59Z"), NOW)).toBe(false);
    expect(isUpcoming(event("d", "2027-03-01T12:00:00Z"), NOW)).toBe(true);
  });

  it("lists upcoming events soonest first with the cancelled ones, past events latest first without them", () => {
    const events = [
      event("late", "2027-06-01T10:00:00Z"),
      event("soon", "2027-03-02T10:00:00Z"),
      event("called-off", "2027-04-01T10:00:00Z", { cancelledAt: new Date("2027-02-01T00:00:00Z") }),
      event("old", "2026-01-01T10:00:00Z"),
      event("older", "2025-01-01T10:00:00Z"),
      event("old-called-off", "2026-06-01T10:00:00Z", { cancelledAt: new Date("2026-05-01T00:00:00Z") }),
    ];
    expect(upcomingEvents(events, NOW).map((item) => item.id)).toEqual(["soon", "called-off", "late"]);
    expect(pastEvents(events, NOW).map((item) => item.id)).toEqual(["old", "older"]);
  });

  it("names each partner with events once, by name", () => {
    const kiel = { name: "Kiel", slug: "kiel" };
    const dresden = { name: "Dresden", slug: "dresden" };
    expect(partnersOfEvents([event("a", "2027-01-01", { partner: kiel }), event("b", "2027-01-01", { partner: dresden }), event("c", "2027-01-01", { partner: kiel }), event("d", "2027-01-01")])).toEqual([dresden, kiel]);
  });

  it("reads an event's calendar file name, and nothing else", () => {
    expect(eventIdOfCalendarFile("3F2504E0-4F89-11D3-9A0C-0305E82C3301.ics")).toBe("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    for (const name of ["3f2504e0-4f89-11d3-9a0c-0305e82c3301", "x.ics", "../events.ics", "3f2504e0-4f89-11d3-9a0c-0305e82c3301.ics.ics"]) expect(eventIdOfCalendarFile(name)).toBeNull();
  });
});
