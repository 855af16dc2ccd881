import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { decisionOutcome, decisionsAtom } from "./atom";
import { aDecision, ORIGIN } from "./fixtures";
import { licenceOf } from "./licence";

const options = { councilName: "Coventry City Council", licence: licenceOf("Open Government Licence v3.0"), origin: ORIGIN, now: new Date("2026-11-28T10:00:00Z") };

type Entry = { id: string; title: { "#text": string }; updated: string; link: { "@_href": string; "@_rel": string }; summary: { "#text": string } };
type Feed = { feed: { "@_xmlns": string; id: string; title: { "#text": string }; updated: string; link: { "@_rel": string; "@_href": string }[]; author: { name: string }; entry?: Entry | Entry[] } };

function parseFeed(xml: string): Feed["feed"] {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (new XMLParser({ ignoreAttributes: false, parseTagValue: false, alwaysCreateTextNode: true }).parse(xml) as { feed: Feed["feed"] }).feed;
}

const text = (node: unknown) => (typeof node === "object" && node !== null && "#text" in node ? String((node as { "#text": unknown })["#text"]) : String(node));
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe("decisions.atom", () => {
  it("is a well-formed RFC 4287 feed with id, title, updated, author and a self link", () => {
    const feed = parseFeed(decisionsAtom([aDecision()], options));
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(text(feed.id)).toBe(`${ORIGIN}/open-data/decisions.atom`);
    expect(text(feed.title)).toBe("Partnership decisions of Coventry City Council");
    expect(text(feed.updated)).toMatch(RFC3339);
    expect(text(feed.author.name)).toBe("Coventry City Council");
    expect(feed.link).toContainEqual(expect.objectContaining({ "@_rel": "self", "@_href": `${ORIGIN}/open-data/decisions.atom` }));
  });

  it("gives each entry a urn:uuid id, a title, updated, a link to its decision notice and the public reason", () => {
    const decision = aDecision({ publicReason: "Paused in March 2022. Our friendship with the people endures." });
    const feed = parseFeed(decisionsAtom([decision], options));
    const entry = feed.entry as Entry;
    expect(text(entry.id)).toBe(`urn:uuid:${decision.id}`);
    expect(text(entry.title)).toBe("Volgograd: link paused");
    expect(text(entry.updated)).toMatch(RFC3339);
    expect(entry.link["@_href"]).toBe(`${ORIGIN}/decisions/${decision.id}`);
    expect(text(entry.summary)).toBe("Paused in March 2022. Our friendship with the people endures.");
  });

  it("lists entries newest first and dates the feed by the newest", () => {
    const older = aDecision({ createdAt: "1959-01-01T00:00:00.000Z", fromStatus: "PENDING_APPROVAL", toStatus: "ACTIVE", publicReason: null });
    const newer = aDecision({ createdAt: "2022-03-15T00:00:00.000Z" });
    const feed = parseFeed(decisionsAtom([older, newer], options));
    const entries = feed.entry as Entry[];
    expect(entries.map((entry) => text(entry.id))).toEqual([`urn:uuid:${newer.id}`, `urn:uuid:${older.id}`]);
    expect(text(feed.updated)).toBe("2022-03-15T00:00:00.000Z");
  });

  it("escapes markup in names and reasons, and drops characters XML cannot carry", () => {
    const decision = aDecision({ partner: { id: "p", slug: "x", name: "<img src=x onerror=alert(1)>", country: null }, publicReason: `Tom & Jerry said "no" \u0001` });
    const xml = decisionsAtom([decision], options);
    expect(xml).not.toContain("<img");
    const entry = parseFeed(xml).entry as Entry;
    expect(text(entry.title)).toBe("<img src=x onerror=alert(1)>: link paused");
    expect(xml).toContain("Tom &amp; Jerry said &quot;no&quot; </summary>");
  });

  it("is valid with no decisions, dated now", () => {
    const feed = parseFeed(decisionsAtom([], options));
    expect(feed.entry).toBeUndefined();
    expect(text(feed.updated)).toBe("2026-11-28T10:00:00.000Z");
  });

  it("says what was decided when no public reason was given", () => {
    const approval = aDecision({ fromStatus: "PENDING_APPROVAL", toStatus: "ACTIVE", publicReason: null, partner: { id: "k", slug: "kiel", name: "Kiel", country: "DE" } });
    const entry = parseFeed(decisionsAtom([approval], options)).entry as Entry;
    expect(text(entry.title)).toBe("Kiel: link approved");
    expect(text(entry.summary)).toBe("Coventry City Council approved a twin town link with Kiel, Germany.");
  });
});

describe("decisionOutcome", () => {
  it.each([
    ["PENDING_APPROVAL", "ACTIVE", "approved"],
    ["SUSPENDED", "ACTIVE", "reinstated"],
    ["ACTIVE", "SUSPENDED", "paused"],
    ["ACTIVE", "TERMINATED", "ended"],
    ["SUSPENDED", "TERMINATED", "ended"],
  ] as const)("%s → %s is %s", (fromStatus, toStatus, outcome) => {
    expect(decisionOutcome({ fromStatus, toStatus })).toBe(outcome);
  });
});
