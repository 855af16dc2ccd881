import { describe, expect, it } from "vitest";
import { formatInZone, isTimeZone, timeZoneChoices, utcToZonedWallTime, zonedWallTimeToUtc } from "./zoned-time";

function utc(wallTime: string, zone: string): string {
  const result = zonedWallTimeToUtc(wallTime, zone);
  if (!result.ok) throw new Error(result.problem);
  return result.date.toISOString();
}

describe("zonedWallTimeToUtc", () => {
  it("converts summer and winter time in London", () => {
    expect(utc("2027-05-08T19:00", "Europe/London")).toBe("2027-05-08T18:00:00.000Z");
    expect(utc("2027-01-08T19:00", "Europe/London")).toBe("2027-01-08T19:00:00.000Z");
  });

  it("converts other zones, with or without seconds", () => {
    expect(utc("2027-02-13T11:00", "Europe/Berlin")).toBe("2027-02-13T10:00:00.000Z");
    expect(utc("2027-07-04T09:30:15", "America/New_York")).toBe("2027-07-04T13:30:15.000Z");
    expect(utc("2027-07-04 09:30", "Asia/Kolkata")).toBe("2027-07-04T04:00:00.000Z");
    expect(utc("2027-07-04T09:30", "UTC")).toBe("2027-07-04T09:30:00.000Z");
  });

  it("refuses a time that does not exist because the clocks go forward", () => {
    expect(zonedWallTimeToUtc("2027-03-28T01:30", "Europe/London")).toEqual({ ok: false, problem: "nonexistent" });
  });

  it("takes the earlier of a time that happens twice because the clocks go back", () => {
    expect(utc("2026-10-25T01:30", "Europe/London")).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses what is not a date and time, or an unknown zone", () => {
    expect(zonedWallTimeToUtc("2027-02-30T10:00", "Europe/London")).toEqual({ ok: false, problem: "format" });
    expect(zonedWallTimeToUtc("2027-02-01T24:00", "Europe/London")).toEqual({ ok: false, problem: "format" });
    expect(zonedWallTimeToUtc("tomorrow", "Europe/London")).toEqual({ ok: false, problem: "format" });
    expect(zonedWallTimeToUtc("2027-02-01T10:00", "Mars/Olympus_Mons")).toEqual({ ok: false, problem: "zone" });
  });

  it("round-trips with utcToZonedWallTime", () => {
    for (const zone of ["Europe/London", "Europe/Berlin", "Australia/Sydney", "Pacific/Chatham", "UTC"]) {
      for (const wall of ["2027-01-15T08:05", "2027-06-30T23:59", "2028-02-29T12:00"]) {
        const result = zonedWallTimeToUtc(wall, zone);
        expect(result.ok).toBe(true);
        if (result.ok) expect(utcToZonedWallTime(result.date, zone)).toBe(wall);
      }
    }
  });
});

describe("time zones", () => {
  it("knows IANA names and refuses anything else", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Nowhere")).toBe(false);
    expect(isTimeZone("<script>")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("offers UTC first and Europe/London among the choices", () => {
    const choices = timeZoneChoices();
    expect(choices[0]).toBe("UTC");
    expect(choices).toContain("Europe/London");
    expect(new Set(choices).size).toBe(choices.length);
  });

  it("formats an instant in the event's own zone", () => {
    expect(formatInZone(new Date("2027-05-08T18:00:00Z"), "Europe/London")).toMatch(/^8 May 2027(,| at) 19:00 BST$/);
  });
});
