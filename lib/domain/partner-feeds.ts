// What a partner's feed says about us (issue 25 item 2), as pure rules: finding our council among
// the partner's links (by Wikidata IDs when both sides have them, else by name and country, which
// staff then confirm), the reading that results, since when it holds, and when to read again.

/** The outcome of reading a partner's feed (the PartnerFeedOutcome enum's values). */
export type FeedOutcome = "LISTED_ACTIVE" | "LISTED_OTHER" | "NOT_LISTED" | "UNREADABLE";

/** Why a feed could not be read: the fetcher's refusals, and "invalid" (not a feed of the standard). */
export const FEED_PROBLEMS = ["bad-address", "forbidden-address", "unresolvable", "too-many-redirects", "timeout", "too-large", "http-error", "network-error", "invalid"] as const;
export type FeedProblem = (typeof FEED_PROBLEMS)[number];

/** Us, as our settings name us. */
export type OurCouncil = { name: string; countryCode: string | null; wikidataId: string | null };

/** One of the partner's links, as its feed gives it (only what matching needs). */
export type ListedLink = { partnerName: string; partnerLocalName: string | null; partnerCountryCode: string | null; partnerWikidataId: string | null; status: string };

export type Match = { by: "wikidata" | "name"; name: string; countryCode: string | null; status: string };

// Words that name the body rather than the place: "Coventry City Council" is listed as "Coventry".
const BODY_WORDS = new Set(["city", "town", "borough", "county", "district", "metropolitan", "council", "of", "the", "royal", "municipality", "stadt", "ville", "de"]);

/** A place's name for comparison: no accents, case, punctuation or words for the council itself. */
export function placeKey(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const place = words.filter((word) => !BODY_WORDS.has(word));
  return (place.length > 0 ? place : words).join(" ");
}

const ACTIVE = "active";

/** Prefer the partner's active link with us when it lists more than one (an ended one and a new one). */
function best(links: readonly ListedLink[]): ListedLink | undefined {
  return links.find((link) => link.status === ACTIVE) ?? links[0];
}

/**
 * Finds us among the partner's links. When both sides know our Wikidata ID it decides alone (a
 * different ID is another place, whatever its name); otherwise the name and country must agree.
 */
export function findOurCouncil(links: readonly ListedLink[], us: OurCouncil): Match | null {
  if (us.wikidataId) {
    const byId = best(links.filter((link) => link.partnerWikidataId === us.wikidataId));
    if (byId) return { by: "wikidata", name: byId.partnerName, countryCode: byId.partnerCountryCode, status: byId.status };
  }
  const ours = placeKey(us.name);
  const byName = best(
    links.filter(
      (link) =>
        !(us.wikidataId && link.partnerWikidataId) &&
        (link.partnerCountryCode ?? null) === (us.countryCode ?? null) &&
        [link.partnerName, link.partnerLocalName].some((name) => name !== null && placeKey(name) === ours),
    ),
  );
  return byName ? { by: "name", name: byName.partnerName, countryCode: byName.partnerCountryCode, status: byName.status } : null;
}

/** The reading of a feed: what it says about us, or why it could not be read. */
export type FeedReading =
  | { outcome: "LISTED_ACTIVE" | "LISTED_OTHER"; match: Match }
  | { outcome: "NOT_LISTED" }
  | { outcome: "UNREADABLE"; problem: FeedProblem; detail: string };

export function readingOf(match: Match | null): FeedReading {
  if (!match) return { outcome: "NOT_LISTED" };
  return { outcome: match.status === ACTIVE ? "LISTED_ACTIVE" : "LISTED_OTHER", match };
}

/** The state kept between readings (PartnerFeedCheck's columns that these rules read). */
export type FeedState = {
  outcome: FeedOutcome | null;
  listedStatus: string | null;
  problem: string | null;
  matchedBy: string | null;
  matchedName: string | null;
  matchedCountry: string | null;
  matchConfirmedAt: Date | null;
  since: Date | null;
  failures: number;
};

export const READ_AGAIN_AFTER_MS = 6 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 15 * 60 * 1000;
const LONGEST_RETRY_MS = 24 * 60 * 60 * 1000;

/** After `failures` failed readings in a row: 15 minutes, doubling, at most a day. */
export function retryDelayMs(failures: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(failures - 1, 20)));
}

/**
 * The state after a reading at `now`: "since" moves only when what the feed says changes (outcome,
 * their status, the problem); a name match's confirmation holds while the match is the same one.
 */
export function nextFeedState(previous: FeedState, reading: FeedReading, now: Date): FeedState & { nextCheckAt: Date } {
  const listedStatus = reading.outcome === "LISTED_ACTIVE" || reading.outcome === "LISTED_OTHER" ? reading.match.status : null;
  const problem = reading.outcome === "UNREADABLE" ? reading.problem : null;
  const same = previous.outcome === reading.outcome && previous.listedStatus === listedStatus && previous.problem === problem;
  const match = "match" in reading ? reading.match : null;
  const sameMatch = match !== null && previous.matchedBy === match.by && previous.matchedName === match.name && previous.matchedCountry === match.countryCode;
  const failures = reading.outcome === "UNREADABLE" ? previous.failures + 1 : 0;
  return {
    outcome: reading.outcome,
    listedStatus,
    problem,
    // A failed reading leaves what we knew of the match (the partner may be down for an hour).
    matchedBy: reading.outcome === "UNREADABLE" ? previous.matchedBy : (match?.by ?? null),
    matchedName: reading.outcome === "UNREADABLE" ? previous.matchedName : (match?.name ?? null),
    matchedCountry: reading.outcome === "UNREADABLE" ? previous.matchedCountry : (match?.countryCode ?? null),
    matchConfirmedAt: reading.outcome === "UNREADABLE" || sameMatch ? previous.matchConfirmedAt : null,
    since: same && previous.since ? previous.since : now,
    failures,
    nextCheckAt: new Date(now.getTime() + (failures > 0 ? retryDelayMs(failures) : READ_AGAIN_AFTER_MS)),
  };
}

/**
 * Whether what the partner publishes contradicts what we say — we say Active, and they do not list
 * us or list another status — a dashboard item for staff. A name match counts once staff confirmed it.
 */
export function isFeedMismatch(ourStatus: string, state: Pick<FeedState, "outcome" | "matchedBy" | "matchConfirmedAt">): boolean {
  if (ourStatus !== "ACTIVE") return false;
  if (state.outcome === "NOT_LISTED") return true;
  return state.outcome === "LISTED_OTHER" && (state.matchedBy === "wikidata" || state.matchConfirmedAt !== null);
}
