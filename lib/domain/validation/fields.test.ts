import { describe, expect, it } from "vitest";
import { z } from "zod";
import { completeWebsite, optionalNumber, parseNumberText } from "./fields";
import { translateFieldMessage } from "./messages";

describe("parseNumberText: numbers as people type them", () => {
  it.each([
    ["334000", 334000],
    ["334,000", 334000],
    ["1,234,567", 1234567],
    ["1,234,567.5", 1234567.5],
    ["334 000", 334000],
    ["334\u00A0000", 334000],
    ["334\u202F000", 334000],
    [" -1,000 ", -1000],
    ["3,500", 3500],
    ["51.5", 51.5],
    ["-0.25", -0.25],
  ])("%j is %d", (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each(["3,5", "51,50", "1,2345", "-2,75"])("%j is a decimal comma: refused, not guessed", (text) => {
    expect(parseNumberText(text)).toBe("decimalComma");
  });

  it.each(["1,23,456", "1,234 567", "12,34,567", "abc", "1e5", "0x10", "1.234,5", "", ",000", "1,000,"])("%j is not a number", (text) => {
    expect(parseNumberText(text)).toBe("notNumber");
  });
});

describe("optionalNumber", () => {
  const population = z.object({ population: optionalNumber("population", 0, 100_000_000, { integer: true }) });

  it("accepts thousands separators", () => {
    expect(population.parse({ population: "334,000" })).toEqual({ population: 334000 });
    expect(population.parse({ population: "334 000" })).toEqual({ population: 334000 });
    expect(population.parse({ population: "" })).toEqual({ population: undefined });
  });

  it("refuses a decimal comma with one message that names the field, in English and Welsh", () => {
    const issues = population.safeParse({ population: "3,5" }).error?.issues ?? [];
    expect(issues.map((issue) => issue.message)).toEqual(["Population must use a point for decimals (like 3.5); a comma separates thousands (like 334,000)"]);
    expect(translateFieldMessage(issues[0]!.message, "cy")).toMatch(/^Rhaid i'r maes ‘Poblogaeth’ ddefnyddio pwynt/);
  });

  it("still refuses what is no number, and checks the range after the separators go", () => {
    expect(population.safeParse({ population: "lots" }).error?.issues.map((issue) => issue.message)).toEqual(["Population must be a number"]);
    expect(population.safeParse({ population: "200,000,000" }).error?.issues.map((issue) => issue.message)).toEqual(["Population must be between 0 and 100000000"]);
  });
});

describe("completeWebsite", () => {
  it.each([
    ["www.lille.fr", "https://www.lille.fr"],
    ["lille.fr", "https://lille.fr"],
    ["lille.fr/en/twinning", "https://lille.fr/en/twinning"],
    ["www.lille.fr:8080/x", "https://www.lille.fr:8080/x"],
    ["//lille.fr", "https://lille.fr"],
    ["http://lille.fr", "http://lille.fr"],
    ["HTTPS://lille.fr", "HTTPS://lille.fr"],
    ["javascript:alert(1)", "javascript:alert(1)"],
    ["mailto:mairie@lille.fr", "mailto:mairie@lille.fr"],
  ])("%j → %j", (typed, website) => {
    expect(completeWebsite(typed)).toBe(website);
  });
});
