import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatTimeWithZone, plural } from "./format";

describe("plural", () => {
  it("counts as the council writes them, with a plural of its own where it is not one + s", () => {
    expect(plural(1, "agreement")).toBe("1 agreement");
    expect(plural(0, "agreement")).toBe("0 agreements");
    expect(plural(20000, "current partner")).toBe("20,000 current partners");
    expect(plural(2, "row was", "rows were")).toBe("2 rows were");
  });
});

describe("times shown to users", () => {
  it("carry the council's time zone, GMT in winter and BST in summer", () => {
    expect(formatTimeWithZone(new Date("2026-12-03T14:05:00Z"))).toBe("14:05 GMT");
    expect(formatTimeWithZone(new Date("2026-07-03T13:05:00Z"))).toBe("14:05 BST");
    expect(formatDateTime(new Date("2026-12-03T14:05:00Z"))).toBe("3 December 2026 at 14:05 GMT");
    expect(formatDateTime(new Date("2026-07-03T13:05:00Z"))).toBe("3 July 2026 at 14:05 BST");
  });
});

describe("in other languages", () => {
  it("writes dates, times, numbers and money as each language does", () => {
    const winter = new Date("2026-12-03T14:05:00Z");
    expect(formatDate(winter, "cy")).toBe("3 Rhagfyr 2026");
    expect(formatDate(winter, "de")).toBe("3. Dezember 2026");
    expect(formatDate(winter, "fr")).toBe("3 décembre 2026");
    expect(formatNumber(1200, "de")).toBe("1.200");
    expect(formatNumber(1200, "cy")).toBe("1,200");
    expect(formatMoney(1234.5, "EUR", "de")).toBe("1.234,50\u00a0€");
    expect(formatTimeWithZone(winter, "cy")).toBe("14:05 GMT");
  });
});
