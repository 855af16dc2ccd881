import { describe, expect, it } from "vitest";
import { findOurCouncil, isFeedMismatch, nextFeedState, placeKey, retryDelayMs, type FeedState, type ListedLink } from "./partner-feeds";

const link = (partnerName: string, partnerCountryCode: string | null, partnerWikidataId: string | null, status = "active"): ListedLink => ({ partnerName, partnerLocalName: null, partnerCountryCode, partnerWikidataId, status });
const FRESH: FeedState = { outcome: null, listedStatus: null, problem: null, matchedBy: null, matchedName: null, matchedCountry: null, matchConfirmedAt: null, since: null, failures: 0 };
const MINUTE = 60_000;

describe("finding our council in a partner's feed", () => {
  it("reads a place's name without the words for its council, accents or case", () => {
    expect(placeKey("Coventry City Council")).toBe("coventry");
    expect(placeKey("Royal Borough of Windsor and Maidenhead")).toBe("windsor and maidenhead");
    expect(placeKey("Stadt Köln")).toBe("koln");
    expect(placeKey("City of London")).toBe("london");
    expect(placeKey("City")).toBe("city");
  });

  it("matches by Wikidata ID when both sides have one, else by name and country", () => {
    const us = { name: "Coventry City Council", countryCode: "GB", wikidataId: "Q180672" };
    expect(findOurCouncil([link("Coventry", "GB", "Q180672", "ended"), link("Coventry", "GB", "Q180672")], us)).toEqual({ by: "wikidata", name: "Coventry", countryCode: "GB", status: "active" });
    // Another Wikidata ID is another place, whatever its name; a name in another country is too.
    expect(findOurCouncil([link("Coventry", "GB", "Q1"), link("Coventry", "US", null)], us)).toBeNull();
    expect(findOurCouncil([link("COVENTRY", "GB", null, "suspended")], us)).toEqual({ by: "name", name: "COVENTRY", countryCode: "GB", status: "suspended" });
    expect(findOurCouncil([link("Coventry", "GB", "Q180672")], { ...us, wikidataId: null })).toMatchObject({ by: "name" });
    expect(findOurCouncil([{ ...link("Kowentri", "GB", null), partnerLocalName: "Coventry" }], us)).toMatchObject({ by: "name", name: "Kowentri" });
  });
});

describe("the reading's state", () => {
  const now = new Date("2026-03-02T09:00:00Z");
  const match = { by: "name" as const, name: "Coventry", countryCode: "GB", status: "active" };

  it("keeps 'since' while the feed says the same, and a confirmed name match while it is the same match", () => {
    const first = nextFeedState(FRESH, { outcome: "LISTED_ACTIVE", match }, now);
    expect(first).toMatchObject({ outcome: "LISTED_ACTIVE", listedStatus: "active", since: now, failures: 0, nextCheckAt: new Date("2026-03-02T15:00:00Z") });
    const confirmed = { ...first, matchConfirmedAt: now };
    const later = new Date("2026-03-03T09:00:00Z");
    expect(nextFeedState(confirmed, { outcome: "LISTED_ACTIVE", match }, later)).toMatchObject({ since: now, matchConfirmedAt: now });
    expect(nextFeedState(confirmed, { outcome: "LISTED_OTHER", match: { ...match, status: "suspended" } }, later)).toMatchObject({ since: later, listedStatus: "suspended", matchConfirmedAt: now });
    expect(nextFeedState(confirmed, { outcome: "LISTED_ACTIVE", match: { ...match, name: "Coventry Airport" } }, later)).toMatchObject({ since: now, matchConfirmedAt: null });
    // A failed reading keeps what we knew of the match.
    expect(nextFeedState(confirmed, { outcome: "UNREADABLE", problem: "timeout", detail: "" }, later)).toMatchObject({ since: later, matchedName: "Coventry", matchConfirmedAt: now, failures: 1 });
  });

  it("backs off after failures: 15 minutes, doubling, at most a day", () => {
    expect([1, 2, 3, 4, 7, 8, 50].map(retryDelayMs)).toEqual([15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 120 * MINUTE, 960 * MINUTE, 1440 * MINUTE, 1440 * MINUTE]);
    const failed = nextFeedState({ ...FRESH, failures: 2 }, { outcome: "UNREADABLE", problem: "http-error", detail: "HTTP 500" }, now);
    expect(failed.nextCheckAt).toEqual(new Date(now.getTime() + 60 * MINUTE));
  });

  it("is a mismatch when we say Active and they do not list us, or list another status (a name match once confirmed)", () => {
    expect(isFeedMismatch("ACTIVE", { outcome: "NOT_LISTED", matchedBy: null, matchConfirmedAt: null })).toBe(true);
    expect(isFeedMismatch("ACTIVE", { outcome: "LISTED_OTHER", matchedBy: "wikidata", matchConfirmedAt: null })).toBe(true);
    expect(isFeedMismatch("ACTIVE", { outcome: "LISTED_OTHER", matchedBy: "name", matchConfirmedAt: null })).toBe(false);
    expect(isFeedMismatch("ACTIVE", { outcome: "LISTED_OTHER", matchedBy: "name", matchConfirmedAt: new Date() })).toBe(true);
    expect(isFeedMismatch("ACTIVE", { outcome: "LISTED_ACTIVE", matchedBy: "wikidata", matchConfirmedAt: null })).toBe(false);
    expect(isFeedMismatch("ACTIVE", { outcome: "UNREADABLE", matchedBy: null, matchConfirmedAt: null })).toBe(false);
    expect(isFeedMismatch("SUSPENDED", { outcome: "NOT_LISTED", matchedBy: null, matchConfirmedAt: null })).toBe(false);
  });
});
