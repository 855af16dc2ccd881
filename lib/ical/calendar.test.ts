import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { escapeText, foldLine, formatUtc, serialiseCalendar, type CalendarEvent } from "./calendar";

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

function physicalLines(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
  return text.slice(0, -2).split("\r\n");
}

function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, "");
}

const kiel: CalendarEvent = {
  uid: "event-5b8f0c1e-0000-4000-8000-000000000001@twinning.example.org",
  stamp: new Date("2026-11-01T12:00:00Z"),
  created: new Date("2026-10-01T12:00:00Z"),
  start: new Date("2027-05-08T17:00:00Z"),
  end: new Date("2027-05-08T20:00:00Z"),
  summary: "80 years of Coventry and Kiel",
  description: "Civic reception; music, speeches, and a toast.\nAll welcome \\ free entry.",
  location: "Council House, Earl Street, Coventry",
  url: "https://twinning.example.org/partners/kiel",
  categories: ["Anniversary", "Civic, public"],
};

// The parser the feed is checked against: ical.js, from npm (a devDependency). The name is held in
// a variable so the type check does not depend on it; the types below are the part used here.
type IcalProperty = { getValues(): unknown[] };
type IcalComponent = { getFirstPropertyValue(name: string): unknown; getFirstProperty(name: string): IcalProperty | null; getAllSubcomponents(name: string): IcalComponent[] };
type IcalTime = { toJSDate(): Date; zone: { tzid: string } };
type IcalEvent = { uid: string; summary: string; description: string | null; location: string | null; startDate: IcalTime; endDate: IcalTime };
type IcalModule = {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => IcalComponent;
  Event: new (component: IcalComponent) => IcalEvent;
};
const icalPackage = "ical.js";
const ICAL = ((await import(/* @vite-ignore */ icalPackage)) as { default: IcalModule }).default;

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return { component, events: component.getAllSubcomponents("vevent").map((vevent) => ({ vevent, event: new ICAL.Event(vevent) })) };
}

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("drops control characters that have no place in a content line, but keeps tabs", () => {
    expect(escapeText("bell\u0007 tab\there")).toBe("bell tab\there");
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets alone and folds one of 76", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
  });

  it("counts the leading space of a continuation line", () => {
    const folded = foldLine("y".repeat(75 + 74 + 1));
    expect(folded.split("\r\n")).toEqual(["y".repeat(75), ` ${"y".repeat(74)}`, " y"]);
  });

  it("never splits a multi-byte character", () => {
    // 74 ASCII octets, then a 2-octet "ł": it cannot fit on the first line.
    const folded = foldLine(`${"a".repeat(74)}łódź`);
    expect(folded.split("\r\n")[0]).toBe("a".repeat(74));
    expect(folded.split("\r\n")[1]).toBe(" łódź");
  });

  it("keeps emoji (4 octets, a surrogate pair in JavaScript) whole", () => {
    const folded = foldLine(`SUMMARY:${"🎉".repeat(40)}`);
    for (const line of folded.split("\r\n")) {
      const bytes = encoder.encode(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => strictDecoder.decode(bytes)).not.toThrow();
    }
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"🎉".repeat(40)}`);
  });

  it("folds any text into lines of at most 75 valid UTF-8 octets that unfold to the original", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const physical of folded.split("\r\n")) {
          const bytes = encoder.encode(physical);
          expect(bytes.length).toBeLessThanOrEqual(75);
          expect(() => strictDecoder.decode(bytes)).not.toThrow();
        }
        expect(unfold(folded)).toBe(line);
      }),
    );
  });
});

describe("formatUtc", () => {
  it("writes the UTC form with a Z", () => {
    expect(formatUtc(new Date("2027-05-08T17:00:00.123Z"))).toBe("20270508T170000Z");
  });

  it("refuses an invalid date", () => {
    expect(() => formatUtc(new Date("nope"))).toThrow(RangeError);
  });
});

describe("serialiseCalendar", () => {
  const text = serialiseCalendar({
    prodId: "-//Coventry City Council//Twinning Office//EN",
    name: "Coventry City Council: twinning events",
    description: "Public events with our partner towns, cities and regions",
    refreshInterval: "PT12H",
    events: [
      kiel,
      {
        uid: "event-2@twinning.example.org",
        stamp: new Date("2026-11-02T08:30:00Z"),
        start: new Date("2027-02-13T09:00:00Z"),
        summary: `Dresden remembrance service — ${"a long title with Umlaute äöü and 🎉 ".repeat(4)}`,
        url: "https://twinning.example.org/partners",
      },
    ],
  });

  it("uses CRLF line endings only and keeps every line within 75 octets", () => {
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(text)) {
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      expect(() => strictDecoder.decode(encoder.encode(line))).not.toThrow();
    }
  });

  it("starts and ends the calendar with VERSION and PRODID", () => {
    const lines = physicalLines(unfold(text));
    expect(lines.slice(0, 3)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Coventry City Council//Twinning Office//EN"]);
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT12H");
  });

  it("is read back by ical.js with every property intact", () => {
    const { component, events } = parse(text);
    expect(component.getFirstPropertyValue("version")).toBe("2.0");
    expect(component.getFirstPropertyValue("prodid")).toBe("-//Coventry City Council//Twinning Office//EN");
    expect(events).toHaveLength(2);

    const [first, second] = events;
    expect(first!.event.uid).toBe(kiel.uid);
    expect(first!.event.summary).toBe(kiel.summary);
    expect(first!.event.description).toBe(kiel.description);
    expect(first!.event.location).toBe(kiel.location);
    expect(first!.event.startDate.toJSDate().toISOString()).toBe("2027-05-08T17:00:00.000Z");
    expect(first!.event.endDate.toJSDate().toISOString()).toBe("2027-05-08T20:00:00.000Z");
    expect(first!.event.startDate.zone.tzid).toBe("UTC");
    expect(first!.vevent.getFirstPropertyValue("url")).toBe("https://twinning.example.org/partners/kiel");
    expect(String(first!.vevent.getFirstPropertyValue("dtstamp"))).toBe("2026-11-01T12:00:00Z");
    expect(first!.vevent.getFirstProperty("categories")?.getValues()).toEqual(["Anniversary", "Civic, public"]);

    expect(second!.event.summary).toBe(`Dresden remembrance service — ${"a long title with Umlaute äöü and 🎉 ".repeat(4)}`);
    expect(second!.vevent.getFirstPropertyValue("dtend")).toBeNull();
    expect(second!.vevent.getFirstPropertyValue("url")).toBe("https://twinning.example.org/partners");
  });

  it("round-trips any text through ical.js", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 300 }), (summary, description) => {
        const clean = (value: string) => value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");
        const written = serialiseCalendar({ prodId: "-//Test//Test//EN", events: [{ ...kiel, summary, description }] });
        const [parsed] = parse(written).events;
        expect(parsed!.event.summary).toBe(clean(summary));
        // An empty description is left out altogether.
        expect(parsed!.event.description ?? "").toBe(description ? clean(description) : "");
      }),
      { numRuns: 200 },
    );
  });

  it("writes an empty calendar that is still valid", () => {
    const empty = serialiseCalendar({ prodId: "-//Test//Test//EN", events: [] });
    expect(empty).toBe("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n");
    expect(parse(empty).events).toHaveLength(0);
  });

  it("writes SEQUENCE and STATUS:CANCELLED for a cancelled event, read back by ical.js; no SEQUENCE when none is given", () => {
    const cancelled = serialiseCalendar({ prodId: "x", events: [{ ...kiel, sequence: 3, status: "CANCELLED" }] });
    const [parsed] = parse(cancelled).events;
    expect(parsed!.event.uid).toBe(kiel.uid);
    expect(parsed!.vevent.getFirstPropertyValue("sequence")).toBe(3);
    expect(parsed!.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(physicalLines(text).some((line) => line.startsWith("SEQUENCE:") || line.startsWith("STATUS:"))).toBe(false);
    expect(() => serialiseCalendar({ prodId: "x", events: [{ ...kiel, sequence: -1 }] })).toThrow(RangeError);
  });

  it("refuses an event that ends before it starts, and a URL that is not http(s)", () => {
    expect(() => serialiseCalendar({ prodId: "x", events: [{ ...kiel, end: new Date("2027-05-08T16:00:00Z") }] })).toThrow(RangeError);
    expect(() => serialiseCalendar({ prodId: "x", events: [{ ...kiel, url: "javascript:alert(1)" }] })).toThrow(RangeError);
  });
});
