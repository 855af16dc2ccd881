import "server-only";
import { db } from "@/lib/db";
import { isFeedMismatch } from "@/lib/domain/partner-feeds";

/** The latest reading of a partner's feed (the agreement page's "What <partner> publishes about us"), or null before the jobs made its row. */
export async function getPartnerFeed(partnerId: string) {
  return db.partnerFeedCheck.findUnique({
    where: { partnerId },
    select: {
      feedUrl: true,
      outcome: true,
      listedStatus: true,
      problem: true,
      problemDetail: true,
      matchedBy: true,
      matchedName: true,
      matchedCountry: true,
      matchConfirmedAt: true,
      since: true,
      checkedAt: true,
      nextCheckAt: true,
    },
  });
}

export type FeedMismatch = { agreementId: string; partnerName: string; outcome: "NOT_LISTED" | "LISTED_OTHER"; listedStatus: string | null; since: Date | null };

/**
 * The dashboard's "What partners publish about us": Active links whose partner's feed contradicts
 * us (isFeedMismatch). Null when no partner has a feed address (the panel is not shown).
 */
export async function getFeedMismatches(limit = 20): Promise<{ items: FeedMismatch[]; total: number } | null> {
  const [feeds, candidates] = await Promise.all([
    db.partner.count({ where: { feedUrl: { not: null } } }),
    db.agreement.findMany({
      where: { status: "ACTIVE", partner: { feedCheck: { outcome: { in: ["NOT_LISTED", "LISTED_OTHER"] } } } },
      orderBy: { partner: { name: "asc" } },
      select: { id: true, status: true, partner: { select: { name: true, feedCheck: { select: { outcome: true, listedStatus: true, matchedBy: true, matchConfirmedAt: true, since: true } } } } },
    }),
  ]);
  if (feeds === 0) return null;
  const items = candidates.flatMap((agreement) => {
    const check = agreement.partner.feedCheck;
    if (!check || !isFeedMismatch(agreement.status, check)) return [];
    return [{ agreementId: agreement.id, partnerName: agreement.partner.name, outcome: check.outcome as FeedMismatch["outcome"], listedStatus: check.listedStatus, since: check.since }];
  });
  return { items: items.slice(0, limit), total: items.length };
}
