// The list filters read from query strings: a value is taken only when it is one of the choices
// themselves, never a name every object inherits (`"constructor" in AgreementStatus` is true, and
// the database then refused the cast: a 500).
import { describe, expect, it } from "vitest";
import { parseAgreementFilters } from "@/lib/data/agreements";
import { parseEventFilters } from "@/lib/data/events";
import { parseActivityFilters, parseExchangeFilters } from "@/lib/data/exchanges";
import { parsePublicFilters } from "@/lib/domain/public-filters";
import { ownValue, queryChoice } from "@/lib/domain/validation/fields";

const INHERITED = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__", "prototype"];

describe("queryChoice and ownValue", () => {
  const choices = { ACTIVE: "ACTIVE", DRAFT: "DRAFT" } as const;

  it("take a choice that is there, trimmed, the first of several", () => {
    expect(queryChoice(" ACTIVE ", choices)).toBe("ACTIVE");
    expect(queryChoice(["DRAFT", "ACTIVE"], choices)).toBe("DRAFT");
    expect(ownValue({ saved: "Saved." }, "saved")).toBe("Saved.");
  });

  it("ignore an inherited property name, an unknown value, an empty one or none", () => {
    for (const value of [...INHERITED, "active", "", undefined, [] as string[]]) {
      expect(queryChoice(value, choices)).toBeUndefined();
      expect(ownValue({ saved: "Saved." }, value)).toBeUndefined();
    }
    expect(ownValue({ saved: "Saved." }, ["saved"])).toBeUndefined();
  });
});

describe("the list filters", () => {
  it.each(INHERITED)("ignore ?…=%s in every list's choices", (name) => {
    expect(parseAgreementFilters({ status: name, type: name, sort: name })).toMatchObject({ status: undefined, type: undefined, sort: undefined });
    expect(parsePublicFilters({ type: name }).type).toBeUndefined();
    expect(parseExchangeFilters({ kind: name, visibility: name })).toMatchObject({ kind: undefined, visibility: undefined });
    expect(parseEventFilters({ kind: name, visibility: name })).toMatchObject({ kind: undefined, visibility: undefined });
  });

  it("still read the values they know", () => {
    expect(parseAgreementFilters({ status: "ACTIVE", type: "TWIN_TOWN", sort: "review" })).toMatchObject({ status: "ACTIVE", type: "TWIN_TOWN", sort: "review" });
    expect(parseExchangeFilters({ kind: "CULTURAL", visibility: "PUBLIC" })).toMatchObject({ kind: "CULTURAL", visibility: "PUBLIC" });
    expect(parseEventFilters({ kind: ["ANNIVERSARY"], visibility: "INTERNAL" })).toMatchObject({ kind: "ANNIVERSARY", visibility: "INTERNAL" });
  });

  it("take an agreement id only when it is a UUID (the database refuses anything else)", () => {
    expect(parseActivityFilters({ agreement: "-".repeat(36) }).agreement).toBeUndefined();
    expect(parseActivityFilters({ agreement: "0E6B7A57-3C1B-4E55-9A39-7C0B2B3C4D5E" }).agreement).toBe("0e6b7a57-3c1b-4e55-9a39-7c0b2b3c4d5e");
  });
});
