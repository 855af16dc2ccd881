import { describe, expect, it } from "vitest";
import { dayPeriod, isoWeekPeriod } from "./periods";

describe("job periods", () => {
  it("names ISO weeks, including the ones that cross a new year", () => {
    expect(isoWeekPeriod(new Date("2026-11-28T23:59:00Z"))).toBe("2026-W48");
    expect(isoWeekPeriod(new Date("2026-11-30T00:00:00Z"))).toBe("2026-W49");
    expect(isoWeekPeriod(new Date("2026-01-01T12:00:00Z"))).toBe("2026-W01");
    expect(isoWeekPeriod(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeekPeriod(new Date("2024-12-30T12:00:00Z"))).toBe("2025-W01");
  });

  it("names days in UTC", () => {
    expect(dayPeriod(new Date("2026-11-28T23:59:59Z"))).toBe("2026-11-28");
  });
});
