import { describe, expect, it } from "vitest";
import type { AgreementStatus } from "@/generated/prisma/enums";
import { dormancyCutoff, dormancySince, isDormant, lastActivityOf } from "./dormancy";

const now = new Date("2026-11-28T09:00:00Z");
const base = { status: "ACTIVE" as AgreementStatus, now, dormancyMonths: 24 };

describe("dormancyCutoff", () => {
  it("goes back whole calendar months", () => {
    expect(dormancyCutoff(now, 24).toISOString()).toBe("2024-11-28T00:00:00.000Z");
    expect(dormancyCutoff(now, 1).toISOString()).toBe("2026-10-28T00:00:00.000Z");
  });

  it("clamps to the end of a shorter month", () => {
    expect(dormancyCutoff(new Date("2026-03-31T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(dormancyCutoff(new Date("2024-03-31T00:00:00Z"), 1).toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(dormancyCutoff(new Date("2026-02-28T00:00:00Z"), 24).toISOString()).toBe("2024-02-28T00:00:00.000Z");
  });

  it("crosses year boundaries", () => {
    expect(dormancyCutoff(new Date("2026-01-15T00:00:00Z"), 13).toISOString()).toBe("2024-12-15T00:00:00.000Z");
  });

  it("refuses a window that is not a positive whole number of months", () => {
    expect(() => dormancyCutoff(now, 0)).toThrow(RangeError);
    expect(() => dormancyCutoff(now, 1.5)).toThrow(RangeError);
  });
});

describe("isDormant", () => {
  it("is dormant when Active with no activity at all", () => {
    expect(isDormant({ ...base, lastActivity: null })).toBe(true);
  });

  it("is dormant when the last activity is older than the window", () => {
    expect(isDormant({ ...base, lastActivity: new Date("2019-09-22T00:00:00Z") })).toBe(true);
    expect(isDormant({ ...base, lastActivity: new Date("2024-11-27T23:59:59Z") })).toBe(true);
  });

  it("is not dormant with activity inside the window, including on its first day", () => {
    expect(isDormant({ ...base, lastActivity: new Date("2025-05-18T00:00:00Z") })).toBe(false);
    expect(isDormant({ ...base, lastActivity: new Date("2024-11-28T00:00:00Z") })).toBe(false);
  });

  it("follows the configured window", () => {
    const lastActivity = new Date("2025-05-18T00:00:00Z");
    expect(isDormant({ ...base, lastActivity, dormancyMonths: 12 })).toBe(true);
    expect(isDormant({ ...base, lastActivity, dormancyMonths: 24 })).toBe(false);
  });

  it.each<AgreementStatus>(["DRAFT", "PENDING_APPROVAL", "SUSPENDED", "TERMINATED", "WITHDRAWN"])("is never dormant when %s", (status) => {
    expect(isDormant({ ...base, status, lastActivity: null })).toBe(false);
  });

  it("gives a link younger than the window the chance to start", () => {
    expect(isDormant({ ...base, lastActivity: null, since: new Date("2026-01-01T00:00:00Z") })).toBe(false);
    expect(isDormant({ ...base, lastActivity: null, since: new Date("2002-01-01T00:00:00Z") })).toBe(true);
  });
});

describe("dormancySince", () => {
  const day = (value: string) => new Date(`${value}T00:00:00Z`);

  it("takes the date the link began, else formalised, else drafted", () => {
    expect(dormancySince({ linkBegan: day("1947-01-01"), formalisedOn: day("1967-01-01"), createdAt: day("2026-01-01") })).toEqual(day("1947-01-01"));
    expect(dormancySince({ linkBegan: null, formalisedOn: day("1967-01-01"), createdAt: day("2026-01-01") })).toEqual(day("1967-01-01"));
    expect(dormancySince({ linkBegan: null, formalisedOn: null, createdAt: day("2026-01-01") })).toEqual(day("2026-01-01"));
    expect(dormancySince({ linkBegan: null, formalisedOn: null })).toBeNull();
  });
});

describe("lastActivityOf", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it("counts what has begun, until its end, never later than now", () => {
    expect(lastActivityOf([], now)).toBeNull();
    expect(lastActivityOf([{ start: day("2026-12-01") }], now)).toBeNull();
    expect(lastActivityOf([{ start: day("2025-01-01"), end: day("2025-01-05") }, { start: day("2024-06-01") }], now)).toEqual(day("2025-01-05"));
    expect(lastActivityOf([{ start: day("2026-11-20"), end: day("2026-12-20") }], now)).toEqual(now);
  });
});
