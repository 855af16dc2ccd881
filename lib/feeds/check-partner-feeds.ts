// The partner-feeds job (issue 25 item 2, docs/decisions/025-partner-feeds.md): every partner with
// a feed address has a PartnerFeedCheck row; each round reads the feeds that are due and records
// what each says about us. Safe on several processes and machines: a due row is claimed with
// FOR UPDATE SKIP LOCKED and its next check moved a lease ahead before the (slow) fetch.
import { db } from "@/lib/db";
import { findOurCouncil, nextFeedState, readingOf, READ_AGAIN_AFTER_MS, type FeedReading, type FeedState } from "@/lib/domain/partner-feeds";
import { councilOf } from "@/lib/open-data/council";
import { readSettings } from "@/lib/settings";
import { readPartnerFeed, type FeedReadOptions } from "./read-partner-feed";

/** Feeds read in one round at most (each within its deadline), so a round stays short. */
const PER_ROUND = 10;
/** How long a claimed feed is someone's: longer than any reading (two fetches within their deadlines). */
const LEASE_MS = 5 * 60 * 1000;

export type PartnerFeedsResult = { checked: number; unreadable: number };

/** Gives each partner with a feed address its row, starts afresh when the address changed, and drops rows of removed addresses. */
async function syncFeedRows(now: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "PartnerFeedCheck" ("partnerId", "feedUrl", "nextCheckAt")
    SELECT "id", "feedUrl", ${now} FROM "Partner" WHERE "feedUrl" IS NOT NULL
    ON CONFLICT ("partnerId") DO UPDATE SET
      "feedUrl" = EXCLUDED."feedUrl", "outcome" = NULL, "listedStatus" = NULL, "problem" = NULL, "problemDetail" = NULL,
      "matchedBy" = NULL, "matchedName" = NULL, "matchedCountry" = NULL, "matchConfirmedAt" = NULL, "since" = NULL,
      "checkedAt" = NULL, "validatorsUrl" = NULL, "etag" = NULL, "lastModified" = NULL, "failures" = 0, "nextCheckAt" = EXCLUDED."nextCheckAt"
    WHERE "PartnerFeedCheck"."feedUrl" IS DISTINCT FROM EXCLUDED."feedUrl"`;
  await db.$executeRaw`
    DELETE FROM "PartnerFeedCheck" AS c
    WHERE NOT EXISTS (SELECT 1 FROM "Partner" AS p WHERE p."id" = c."partnerId" AND p."feedUrl" IS NOT NULL)`;
}

/** Claims up to `limit` due feeds (or the one partner's, whether due or not): their next check moves a lease ahead. */
async function claimDue(now: Date, limit: number, partnerId?: string): Promise<{ partnerId: string }[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return partnerId
    ? db.$queryRaw<{ partnerId: string }[]>`
        UPDATE "PartnerFeedCheck" SET "nextCheckAt" = ${leaseUntil}
        WHERE "partnerId" = (SELECT "partnerId" FROM "PartnerFeedCheck" WHERE "partnerId" = ${partnerId}::uuid FOR UPDATE SKIP LOCKED)
        RETURNING "partnerId"`
    : db.$queryRaw<{ partnerId: string }[]>`
        UPDATE "PartnerFeedCheck" SET "nextCheckAt" = ${leaseUntil}
        WHERE "partnerId" IN (
          SELECT "partnerId" FROM "PartnerFeedCheck" WHERE "nextCheckAt" <= ${now}
          ORDER BY "nextCheckAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING "partnerId"`;
}

const STATE_SELECT = {
  feedUrl: true,
  outcome: true,
  listedStatus: true,
  problem: true,
  matchedBy: true,
  matchedName: true,
  matchedCountry: true,
  matchConfirmedAt: true,
  since: true,
  failures: true,
  validatorsUrl: true,
  etag: true,
  lastModified: true,
} as const;

/** Reads one claimed feed and records what it says about us (or why it could not be read). */
async function checkOne(partnerId: string, now: Date, options: FeedReadOptions): Promise<FeedReading["outcome"] | "not-modified" | "gone"> {
  const row = await db.partnerFeedCheck.findUnique({ where: { partnerId }, select: STATE_SELECT });
  if (!row) return "gone";
  const read = await readPartnerFeed(row.feedUrl, { url: row.validatorsUrl, etag: row.etag, lastModified: row.lastModified }, options);
  if (read.kind === "not-modified") {
    await db.partnerFeedCheck.updateMany({ where: { partnerId, feedUrl: row.feedUrl }, data: { checkedAt: now, failures: 0, nextCheckAt: new Date(now.getTime() + READ_AGAIN_AFTER_MS) } });
    return "not-modified";
  }
  // Us, as our settings say now (read after the fetch: a slow feed does not pin old settings).
  const us = councilOf(await readSettings(db));
  const reading: FeedReading = read.kind === "problem" ? { outcome: "UNREADABLE", problem: read.problem, detail: read.detail } : readingOf(findOurCouncil(read.feed.links, us));
  const state = nextFeedState(row as FeedState, reading, now);
  // Only if the address is still the one read (staff may have changed it meanwhile).
  await db.partnerFeedCheck.updateMany({
    where: { partnerId, feedUrl: row.feedUrl },
    data: {
      ...state,
      problemDetail: reading.outcome === "UNREADABLE" ? reading.detail.slice(0, 500) : null,
      checkedAt: now,
      // A failed reading forgets the validators: the next good one is read whole.
      validatorsUrl: read.kind === "feed" ? read.validators.url : null,
      etag: read.kind === "feed" ? read.validators.etag?.slice(0, 500) : null,
      lastModified: read.kind === "feed" ? read.validators.lastModified?.slice(0, 100) : null,
    },
  });
  return reading.outcome;
}

/** One round: the due feeds (or, with `partnerId`, that partner's now — "Check now"). */
export async function checkPartnerFeeds(now: Date, options: FeedReadOptions & { partnerId?: string; limit?: number } = {}): Promise<PartnerFeedsResult> {
  await syncFeedRows(now);
  const claimed = await claimDue(now, options.limit ?? PER_ROUND, options.partnerId);
  const result: PartnerFeedsResult = { checked: 0, unreadable: 0 };
  for (const { partnerId } of claimed) {
    const outcome = await checkOne(partnerId, now, options);
    if (outcome === "gone") continue;
    result.checked += 1;
    if (outcome === "UNREADABLE") result.unreadable += 1;
  }
  return result;
}
