import { describe, expect, it } from "vitest";
import { addWorkingDays, bankHolidaysRunningOut, callInPeriodEnds, isWorkingDay, londonDate, takesEffectOn } from "./working-days";

// England and Wales, December 2026: Christmas Day is a Friday, Boxing Day's substitute Monday 28th.
const HOLIDAYS = new Set(["2026-12-25", "2026-12-28", "2027-01-01"]);

describe("working days (Europe/London dates, weekends and bank holidays left out)", () => {
  it("reads the London date of an instant, across summer time", () => {
    expect(londonDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01"); // 00:30 BST
    expect(londonDate(new Date("2026-12-04T23:30:00Z"))).toBe("2026-12-04"); // 23:30 GMT
  });

  it("knows weekends and bank holidays", () => {
    expect(isWorkingDay("2026-12-04", HOLIDAYS)).toBe(true); // Friday
    expect(isWorkingDay("2026-12-05", HOLIDAYS)).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-06", HOLIDAYS)).toBe(false); // Sunday
    expect(isWorkingDay("2026-12-25", HOLIDAYS)).toBe(false); // Christmas Day, a Friday
  });

  it("counts across a weekend", () => {
    // Thursday 3rd + 2 working days: Friday 4th, Monday 7th.
    expect(addWorkingDays("2026-12-03", 2, HOLIDAYS)).toBe("2026-12-07");
    expect(addWorkingDays("2026-12-03", 0, HOLIDAYS)).toBe("2026-12-03");
  });

  it("takes effect on the working day after the period, across a weekend and two bank holidays", () => {
    // Published Wednesday 23rd, 2 working days: Thursday 24th, (Friday 25th, the weekend, Monday 28th off) Tuesday 29th; in effect Wednesday 30th.
    expect(takesEffectOn("2026-12-23", 2, HOLIDAYS)).toBe("2026-12-30");
    expect(callInPeriodEnds("2026-12-30", HOLIDAYS)).toBe("2026-12-29");
    // Without the list, Christmas would count.
    expect(takesEffectOn("2026-12-23", 2, new Set())).toBe("2026-12-28");
    // Published on a Friday, 1 working day: Monday; in effect Tuesday.
    expect(takesEffectOn("2026-12-04", 1, HOLIDAYS)).toBe("2026-12-08");
    expect(callInPeriodEnds("2026-12-08", HOLIDAYS)).toBe("2026-12-07");
  });

  it("has no date when there is no period (today's behaviour)", () => {
    expect(takesEffectOn("2026-12-23", 0, HOLIDAYS)).toBeNull();
  });

  it("warns when the bank-holiday list runs out within six months", () => {
    expect(bankHolidaysRunningOut("2028-12-26", "2026-12-05")).toBe(false);
    expect(bankHolidaysRunningOut("2027-06-10", "2026-12-05")).toBe(false);
    expect(bankHolidaysRunningOut("2027-06-01", "2026-12-05")).toBe(true);
    expect(bankHolidaysRunningOut(null, "2026-12-05")).toBe(true);
  });
});
