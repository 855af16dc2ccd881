import { describe, expect, it } from "vitest";
import { aLink } from "@/lib/open-data/fixtures";
import { matchesFilters, parsePublicFilters } from "./public-filters";

describe("parsePublicFilters", () => {
  it("reads the search, a country code and a relationship type", () => {
    expect(parsePublicFilters({ q: "  kiel ", country: "de", type: "TWIN_TOWN" })).toEqual({ q: "kiel", country: "DE", type: "TWIN_TOWN" });
  });

  it("ignores what it does not understand", () => {
    expect(parsePublicFilters({ q: "", country: "Germany", type: "ENEMY_TOWN" })).toEqual({ q: undefined, country: undefined, type: undefined });
    expect(parsePublicFilters({ country: ["NONE", "DE"] })).toMatchObject({ country: "NONE" });
  });

  it("drops control and bidi characters from the search, as the staff lists do", () => {
    expect(parsePublicFilters({ q: "Ki\u0000el\u202E" })).toMatchObject({ q: "Kiel" });
    expect(parsePublicFilters({ q: "x".repeat(1000) }).q).toHaveLength(100);
  });
});

describe("matchesFilters", () => {
  const kiel = aLink();
  const ankh = aLink({ relationshipType: "FRIENDSHIP_CITY", partner: { name: "Ankh-Morpork", country: null, region: "Sto Plains" } });
  const dusseldorf = aLink({ partner: { name: "Düsseldorf", region: "North Rhine-Westphalia" } });

  it("searches names, regions and country names, ignoring case and accents", () => {
    expect(matchesFilters(dusseldorf, { q: "dusseldorf" })).toBe(true);
    expect(matchesFilters(kiel, { q: "schleswig" })).toBe(true);
    expect(matchesFilters(kiel, { q: "germany" })).toBe(true);
    expect(matchesFilters(ankh, { q: "germany" })).toBe(false);
  });

  it("filters by country, with NONE for a place with no country", () => {
    expect(matchesFilters(kiel, { country: "DE" })).toBe(true);
    expect(matchesFilters(ankh, { country: "DE" })).toBe(false);
    expect(matchesFilters(ankh, { country: "NONE" })).toBe(true);
  });

  it("filters by relationship type", () => {
    expect(matchesFilters(ankh, { type: "FRIENDSHIP_CITY" })).toBe(true);
    expect(matchesFilters(kiel, { type: "FRIENDSHIP_CITY" })).toBe(false);
  });
});
