// Reads a partner's feed address (issue 25 item 2) through the safe fetcher: a
// /.well-known/twinning.json is followed to its JSON feed (the same checks again), a
// twinning-links.json is read as it is; either is validated against the standard before anything
// in it is used. Conditional requests (ETag / If-Modified-Since) go to the feed the validators came
// from, never to a discovery file (a 304 for that says nothing of the feed).
import type { FeedProblem } from "@/lib/domain/partner-feeds";
import { twinningLinksFeedReader, wellKnownTwinningReader, type TwinningLinksFeed } from "@/lib/open-data/twinning-links";
import { outboundProxy, privateFeedAllowance } from "@/lib/outbound/config";
import { safeFetch, type SafeFetchOptions } from "@/lib/outbound/safe-fetch";

/** The validators of the last feed read, and that feed's own address. */
export type FeedValidators = { url: string | null; etag: string | null; lastModified: string | null };

export type FeedRead =
  | { kind: "feed"; feed: TwinningLinksFeed; feedUrl: string; validators: FeedValidators }
  | { kind: "not-modified" }
  | { kind: "problem"; problem: FeedProblem; detail: string };

/** A discovery file is small; a feed of every link a council has fits well within 2 MB. */
const DISCOVERY_MAX_BYTES = 64 * 1024;
const FEED_MAX_BYTES = 2 * 1024 * 1024;

/** What a test (or a caller) may set: a shorter deadline, a smaller cap, the test server's allowance. */
export type FeedReadOptions = Pick<SafeFetchOptions, "timeoutMs" | "allow" | "resolve" | "proxy"> & { maxBytes?: number };

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)) as unknown;
  } catch {
    return undefined;
  }
}

function invalid(detail: string): FeedRead {
  return { kind: "problem", problem: "invalid", detail };
}

/** The first thing wrong with a file, in a line (a path into the file and zod's words, never the file's text). */
function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join(".") || "(the file)"}: ${issue.message}`.slice(0, 300) : "not a twinning-links file";
}

export async function readPartnerFeed(address: string, validators: FeedValidators, options: FeedReadOptions = {}): Promise<FeedRead> {
  const base: SafeFetchOptions = {
    timeoutMs: options.timeoutMs ?? 10_000,
    allow: options.allow ?? privateFeedAllowance(),
    proxy: options.proxy === undefined ? outboundProxy() : options.proxy,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  };
  const feedCap = options.maxBytes ?? FEED_MAX_BYTES;
  const conditional = (url: string) => (validators.url === url ? { etag: validators.etag, lastModified: validators.lastModified } : {});
  const first = await safeFetch(address, { ...base, maxBytes: feedCap, ...conditional(address) });
  if (first.outcome === "refused") return { kind: "problem", problem: first.reason, detail: first.detail };
  if (first.outcome === "not-modified") return { kind: "not-modified" };

  let fetched = first;
  let requested = address;
  let json = parseJson(first.body);
  if (json === undefined) return invalid("not JSON in UTF-8");
  const discovery = wellKnownTwinningReader.safeParse(json);
  if (discovery.success) {
    if (first.body.length > DISCOVERY_MAX_BYTES) return invalid(`a discovery file of more than ${DISCOVERY_MAX_BYTES} bytes`);
    let feedUrl: URL;
    try {
      feedUrl = new URL(discovery.data.feeds.json, first.url);
    } catch {
      return invalid("feeds.json is not a web address");
    }
    const second = await safeFetch(feedUrl.href, { ...base, maxBytes: feedCap, ...conditional(feedUrl.href) });
    if (second.outcome === "refused") return { kind: "problem", problem: second.reason, detail: second.detail };
    if (second.outcome === "not-modified") return { kind: "not-modified" };
    fetched = second;
    requested = feedUrl.href;
    json = parseJson(second.body);
    if (json === undefined) return invalid("not JSON in UTF-8");
  }
  const feed = twinningLinksFeedReader.safeParse(json);
  if (!feed.success) return invalid(firstIssue(feed.error));
  // The reader is built from TWINNING_LINK_FIELDS, so each link has every field of the record, typed as the schema states.
  return { kind: "feed", feed: feed.data as unknown as TwinningLinksFeed, feedUrl: fetched.url, validators: { url: requested, etag: fetched.etag, lastModified: fetched.lastModified } };
}
