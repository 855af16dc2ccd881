// What a partner publishes about us (issue 25 item 2), on whichever back end this run uses: the
// partner's feed address from the agreement form and from "Correct details"; the partner-feeds job
// end to end against real HTTP servers on 127.0.0.1 (a partner listing us active through its
// /.well-known/twinning.json, one listing us with another status, one not listing us, broken,
// slow, huge, failing, redirecting to 127.0.0.1 and to the metadata address), ETag 304, since
// when, and the backoff after failures.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { correctDetails } from "@/lib/agreements/correct-details";
import { createDraft } from "@/lib/agreements/create-draft";
import { db } from "@/lib/db";
import { getFeedMismatches } from "@/lib/data/partner-feeds";
import { checkPartnerFeeds } from "@/lib/feeds/check-partner-feeds";
import { checkFeedNow, confirmFeedMatch } from "@/lib/feeds/partner-feed-commands";
import { correctionSchema, createAgreementSchema } from "@/lib/domain/validation/agreement";
import { zodFieldErrors } from "@/lib/web/safe-action";
import { backend, createAgreement, createCouncillor, createStaff, draftInput, resetDatabase } from "../helpers/database";

beforeEach(resetDatabase);

describe(`a partner's feed address (${backend()})`, () => {
  it("is saved from the agreement form and corrected on an Active link; anything but an http(s) address is refused, naming the field", async () => {
    const staff = await createStaff();
    const { id } = await createDraft(draftInput({ feedUrl: "https://www.kiel.de/.well-known/twinning.json" }), staff);
    const saved = await db.agreement.findUniqueOrThrow({ where: { id }, select: { partner: { select: { feedUrl: true } } } });
    expect(saved.partner.feedUrl).toBe("https://www.kiel.de/.well-known/twinning.json");

    const refusal = ["Partner's feed address must be a web address starting https:// or http://, like https://www.kiel.de/.well-known/twinning.json"];
    for (const bad of ["www.kiel.de/feed.json", "file:///etc/passwd", "ftp://kiel.de/feed.json", "https://user:secret@kiel.de/feed.json", "javascript:alert(1)", "https://kiel.de/a b"]) {
      const parsed = createAgreementSchema.safeParse({ ...draftInput(), linkBegan: "1986-05-01", formalisedOn: "1987-06-01", feedUrl: bad });
      expect(parsed.success, bad).toBe(false);
      if (!parsed.success) expect(zodFieldErrors(parsed.error).feedUrl, bad).toEqual(refusal);
    }

    const link = await createAgreement({ status: "ACTIVE", createdBy: staff });
    const correction = (feedUrl: string) =>
      correctionSchema.parse({ agreementId: link.id, version: link.version, website: "", latitude: "", longitude: "", population: "", region: "", leadOfficerId: "", internalNotes: "", feedUrl });
    await correctDetails(correction("http://twinning.partner.example/open-data/twinning-links.json"), staff);
    expect((await db.partner.findUniqueOrThrow({ where: { id: link.partnerId }, select: { feedUrl: true } })).feedUrl).toBe("http://twinning.partner.example/open-data/twinning-links.json");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "agreement.correct", entityId: link.id }, select: { details: true } });
    expect(audit.details).toMatchObject({ changes: { feedUrl: { from: null, to: "http://twinning.partner.example/open-data/twinning-links.json" } } });
  });
});

// The partner councils' servers. Only `server`'s own port is allowed (as TWINNING_ALLOW_PRIVATE_FEEDS
// would); `internal` stands for a service on this machine that a redirect must not reach.
let server: http.Server;
let internal: http.Server;
let base = "";
let allow: string[] = [];
const conditional: { path: string; ifNoneMatch: string | undefined }[] = [];

const US = { councilName: "Testford Borough Council", councilCountry: "GB", wikidataId: "Q4242" };

function listed(partner: { name: string; country: string | null; wikidataId: string | null }, status: "active" | "suspended" | "ended") {
  return {
    id: "6f1c2a52-1d7e-4a55-9a55-3b8f0c2e7d10",
    councilName: "Partnerstadt",
    councilCountryCode: "DE",
    councilWikidataId: null,
    partnerId: "2b9c8d1e-5f4a-4b3c-8d2e-1a0f9e8d7c6b",
    partnerName: partner.name,
    partnerLocalName: null,
    partnerLocalNameLanguage: null,
    partnerCountryCode: partner.country,
    partnerWikidataId: partner.wikidataId,
    partnerUrl: "https://partnerstadt.example/partners/testford",
    linkType: "twin-town",
    linkTypeFamily: "twinning",
    linkTypeLabel: "Twin town",
    linkTypeLocal: "Städtepartnerschaft",
    status,
    statusSince: null,
    linkBegan: "1986-05-01",
    formalisedOn: null,
    publicSummary: "<script>alert(1)</script> A link.",
    publicReason: status === "active" ? null : "Paused.",
    confirmation: "not-recorded",
    partnerDecisionDate: null,
    aFieldOfVersion1_1: "ignored by a 1.0 reader",
  };
}

function feed(links: unknown[]) {
  return JSON.stringify({
    standard: "twinning-links",
    version: "1.1",
    schema: "https://partnerstadt.example/open-data/twinning-links.schema.json",
    publisher: { name: "Partnerstadt", countryCode: "DE", wikidataId: null, site: "https://partnerstadt.example" },
    licence: { name: "CC BY 4.0", url: null },
    documentation: "https://partnerstadt.example/open-data",
    generatedAt: "2026-12-01T10:00:00.000Z",
    count: links.length,
    links,
  });
}

const ACTIVE_FEED = feed([listed({ name: "Someplace", country: "FR", wikidataId: "Q1" }, "active"), listed({ name: "Testford", country: "GB", wikidataId: "Q4242" }, "active")]);
// By name and country only ("Testford" is our "Testford Borough Council"): staff confirm it.
const SUSPENDED_FEED = feed([listed({ name: "Testford", country: "GB", wikidataId: null }, "suspended")]);
const OTHERS_FEED = feed([listed({ name: "Testford", country: "US", wikidataId: null }, "active"), listed({ name: "Elsewhere", country: "GB", wikidataId: "Q777" }, "active")]);

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    const json = (body: string, headers: http.OutgoingHttpHeaders = {}) => response.writeHead(200, { "content-type": "application/json", ...headers }).end(body);
    if (path === "/active/.well-known/twinning.json") {
      return json(JSON.stringify({ standard: "twinning-links", version: "1.0", council: { name: "Partnerstadt", countryCode: "DE", wikidataId: "Q1", site: base }, feeds: { json: "/active/open-data/twinning-links.json" } }));
    }
    if (path === "/active/open-data/twinning-links.json") {
      conditional.push({ path, ifNoneMatch: request.headers["if-none-match"] });
      if (request.headers["if-none-match"] === '"active-v1"') return response.writeHead(304).end();
      return json(ACTIVE_FEED, { etag: '"active-v1"' });
    }
    if (path === "/suspended.json") return json(SUSPENDED_FEED);
    if (path === "/others.json") return json(OTHERS_FEED);
    if (path === "/broken.json") return json('{"standard": "twinning-links", "links": [');
    if (path === "/wrong-shape.json") return json(feed([{ ...listed({ name: "Testford", country: "GB", wikidataId: "Q4242" }, "active"), status: "friendly" }]));
    // A NUL in a name (which PostgreSQL's text cannot hold) makes the whole feed invalid.
    if (path === "/nul.json") return json(feed([listed({ name: "Testford\u0000", country: "GB", wikidataId: null }, "active")]));
    if (path === "/slow.json") return void setTimeout(() => json(ACTIVE_FEED), 3_000);
    if (path === "/huge.json") return json(feed(Array.from({ length: 400 }, () => listed({ name: "Testford", country: "GB", wikidataId: "Q4242" }, "active"))));
    if (path === "/error.json") return response.writeHead(500).end("Internal Server Error");
    if (path === "/to-loopback.json") return response.writeHead(302, { location: `http://127.0.0.1:${(internal.address() as AddressInfo).port}/` }).end();
    if (path === "/to-metadata.json") return response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  allow = [`127.0.0.1:${(server.address() as AddressInfo).port}`];
  internal = http.createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(ACTIVE_FEED));
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  for (const each of [server, internal]) {
    each.closeAllConnections();
    await new Promise<void>((resolve) => each.close(() => resolve()));
  }
});

async function partnerWithFeed(path: string) {
  const link = await createAgreement({ status: "ACTIVE" });
  await db.partner.update({ where: { id: link.partnerId }, data: { feedUrl: `${base}${path}` } });
  return link.partnerId;
}

async function reading(partnerId: string) {
  return db.partnerFeedCheck.findUniqueOrThrow({
    where: { partnerId },
    select: { outcome: true, listedStatus: true, problem: true, problemDetail: true, matchedBy: true, matchedName: true, matchedCountry: true, since: true, checkedAt: true, failures: true, nextCheckAt: true, etag: true },
  });
}

describe(`the partner-feeds job against real servers (${backend()})`, () => {
  it("records what each partner publishes about us, and why a hostile or broken feed could not be read", async () => {
    await db.councilSettings.upsert({ where: { id: 1 }, create: { id: 1, ...US }, update: US });
    const paths = ["/active/.well-known/twinning.json", "/suspended.json", "/others.json", "/broken.json", "/wrong-shape.json", "/nul.json", "/slow.json", "/huge.json", "/error.json", "/to-loopback.json", "/to-metadata.json"] as const;
    const partners = Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await partnerWithFeed(path)] as const)));
    const now = new Date("2026-03-02T09:00:00Z");

    expect(await checkPartnerFeeds(now, { allow, timeoutMs: 500, maxBytes: 100_000, limit: 20 })).toEqual({ checked: 11, unreadable: 8 });
    const at = async (path: (typeof paths)[number]) => reading(partners[path]!);

    expect(await at("/active/.well-known/twinning.json")).toMatchObject({ outcome: "LISTED_ACTIVE", listedStatus: "active", matchedBy: "wikidata", matchedName: "Testford", since: now, failures: 0, etag: '"active-v1"' });
    expect(await at("/suspended.json")).toMatchObject({ outcome: "LISTED_OTHER", listedStatus: "suspended", matchedBy: "name", matchedName: "Testford", matchedCountry: "GB" });
    // "Testford" in another country, and a place with another Wikidata ID, are not us.
    expect(await at("/others.json")).toMatchObject({ outcome: "NOT_LISTED", listedStatus: null, matchedBy: null });
    expect(await at("/broken.json")).toMatchObject({ outcome: "UNREADABLE", problem: "invalid", failures: 1 });
    expect(await at("/wrong-shape.json")).toMatchObject({ outcome: "UNREADABLE", problem: "invalid", problemDetail: expect.stringMatching(/^links\.0\.status: /) });
    expect(await at("/nul.json")).toMatchObject({ outcome: "UNREADABLE", problem: "invalid", problemDetail: "links.0.partnerName: control characters" });
    expect(await at("/slow.json")).toMatchObject({ outcome: "UNREADABLE", problem: "timeout" });
    expect(await at("/huge.json")).toMatchObject({ outcome: "UNREADABLE", problem: "too-large" });
    expect(await at("/error.json")).toMatchObject({ outcome: "UNREADABLE", problem: "http-error", problemDetail: "HTTP 500" });
    expect(await at("/to-loopback.json")).toMatchObject({ outcome: "UNREADABLE", problem: "forbidden-address" });
    expect(await at("/to-metadata.json")).toMatchObject({ outcome: "UNREADABLE", problem: "forbidden-address", problemDetail: expect.stringContaining("169.254.169.254") });
    // A good reading is read again in 6 hours; a failure in 15 minutes.
    expect((await at("/suspended.json")).nextCheckAt).toEqual(new Date("2026-03-02T15:00:00Z"));
    expect((await at("/broken.json")).nextCheckAt).toEqual(new Date("2026-03-02T09:15:00Z"));

    // 16 minutes on: only the failed feeds are due; each failure doubles the wait.
    const later = new Date("2026-03-02T09:16:00Z");
    expect(await checkPartnerFeeds(later, { allow, timeoutMs: 500, maxBytes: 100_000, limit: 20 })).toEqual({ checked: 8, unreadable: 8 });
    expect(await at("/broken.json")).toMatchObject({ failures: 2, since: now, checkedAt: later, nextCheckAt: new Date("2026-03-02T09:46:00Z") });

    // 7 hours on: the partner listing us answers 304 to our ETag; the reading and its "since" stand.
    conditional.length = 0;
    const next = new Date("2026-03-02T16:00:00Z");
    await checkPartnerFeeds(next, { allow, timeoutMs: 500, maxBytes: 100_000, limit: 20 });
    expect(conditional).toEqual([{ path: "/active/open-data/twinning-links.json", ifNoneMatch: '"active-v1"' }]);
    expect(await at("/active/.well-known/twinning.json")).toMatchObject({ outcome: "LISTED_ACTIVE", since: now, checkedAt: next, nextCheckAt: new Date("2026-03-02T22:00:00Z") });
  });

  it("starts afresh when the feed address changes, and forgets a removed one", async () => {
    const partnerId = await partnerWithFeed("/error.json");
    await checkPartnerFeeds(new Date("2026-03-02T09:00:00Z"), { allow, timeoutMs: 500 });
    expect(await reading(partnerId)).toMatchObject({ outcome: "UNREADABLE", failures: 1 });
    await db.partner.update({ where: { id: partnerId }, data: { feedUrl: `${base}/others.json` } });
    // Due at once, though the failure's backoff had not ended.
    await checkPartnerFeeds(new Date("2026-03-02T09:01:00Z"), { allow, timeoutMs: 500 });
    expect(await reading(partnerId)).toMatchObject({ outcome: "NOT_LISTED", failures: 0, since: new Date("2026-03-02T09:01:00Z") });
    await db.partner.update({ where: { id: partnerId }, data: { feedUrl: null } });
    await checkPartnerFeeds(new Date("2026-03-02T09:02:00Z"), { allow });
    expect(await db.partnerFeedCheck.count({ where: { partnerId } })).toBe(0);
  });
});

describe(`staff's commands and the dashboard (${backend()})`, () => {
  it("checks a feed now, confirms a name match only as shown, and lists Active links the partner's feed contradicts", async () => {
    await db.councilSettings.upsert({ where: { id: 1 }, create: { id: 1, ...US }, update: US });
    const staff = await createStaff();
    const councillor = await createCouncillor();
    const suspended = await createAgreement({ status: "ACTIVE", createdBy: staff });
    await db.partner.update({ where: { id: suspended.partnerId }, data: { feedUrl: `${base}/suspended.json` } });
    const others = await createAgreement({ status: "ACTIVE", createdBy: staff });
    await db.partner.update({ where: { id: others.partnerId }, data: { feedUrl: `${base}/others.json` } });
    expect(await getFeedMismatches()).toEqual({ items: [], total: 0 });

    // "Check the feed now" reads with the server's own settings: the operator's allowance names this server's port.
    const saved = process.env.TWINNING_ALLOW_PRIVATE_FEEDS;
    process.env.TWINNING_ALLOW_PRIVATE_FEEDS = allow.join(",");
    try {
      await expect(checkFeedNow({ agreementId: suspended.id }, councillor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      const now = new Date("2026-03-02T09:00:00Z");
      expect(await checkFeedNow({ agreementId: suspended.id }, staff, now)).toEqual({ confirmation: "agreement.feedChecked" });
      expect(await checkFeedNow({ agreementId: others.id }, staff, now)).toEqual({ confirmation: "agreement.feedChecked" });
    } finally {
      if (saved === undefined) delete process.env.TWINNING_ALLOW_PRIVATE_FEEDS;
      else process.env.TWINNING_ALLOW_PRIVATE_FEEDS = saved;
    }
    expect(await reading(suspended.partnerId)).toMatchObject({ outcome: "LISTED_OTHER", matchedBy: "name" });

    // Not listed is a mismatch at once; another status by name only once staff confirm the match.
    expect((await getFeedMismatches())!.items.map((item) => [item.agreementId, item.outcome])).toEqual([[others.id, "NOT_LISTED"]]);
    await expect(confirmFeedMatch({ agreementId: suspended.id, matchedName: "Somewhere else" }, staff)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await confirmFeedMatch({ agreementId: suspended.id, matchedName: "Testford" }, staff)).toEqual({ confirmation: "agreement.feedMatchConfirmed" });
    const mismatches = await getFeedMismatches();
    expect(mismatches!.total).toBe(2);
    expect(mismatches!.items.find((item) => item.agreementId === suspended.id)).toMatchObject({ outcome: "LISTED_OTHER", listedStatus: "suspended" });
    expect(await db.auditLog.count({ where: { action: "partnerFeed.confirmMatch", entityId: suspended.partnerId } })).toBe(1);
  });
});
