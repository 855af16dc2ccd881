// Staff's two commands on a partner's feed (issue 25 item 2): "Confirm this is us" for a match by
// name and country, and "Check the feed now". The feed belongs to the partner: every link with it
// shows the same reading.
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { FEED_MATCH_CHANGED } from "@/lib/domain/validation/partner-feed";
import { validationMessage } from "@/lib/domain/validation/messages";
import type { Confirmation } from "@/lib/web/confirmations";
import { checkPartnerFeeds } from "./check-partner-feeds";

const PERMISSION = "agreement:edit" as const;
const NOT_FOUND = validationMessage("notFound.agreement");

async function partnerOf(agreementId: string): Promise<string> {
  const agreement = await db.agreement.findUnique({ where: { id: agreementId }, select: { partnerId: true } });
  if (!agreement) throw new AppError("NOT_FOUND", NOT_FOUND);
  return agreement.partnerId;
}

/** Confirms that the name the partner's feed lists is our council, as long as it still lists that name. */
export async function confirmFeedMatch(input: { agreementId: string; matchedName: string }, actor: Actor, now = new Date()): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, PERMISSION);
  const partnerId = await partnerOf(input.agreementId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.partnerFeedCheck.updateMany({
      where: { partnerId, matchedBy: "name", matchedName: input.matchedName, matchConfirmedAt: null },
      data: { matchConfirmedAt: now },
    });
    if (count === 0) throw new AppError("CONFLICT", FEED_MATCH_CHANGED);
    await writeAudit(tx, { actor, action: "partnerFeed.confirmMatch", entityType: "Partner", entityId: partnerId, details: { agreementId: input.agreementId, matchedName: input.matchedName } });
    return { confirmation: "agreement.feedMatchConfirmed" as const };
  });
}

/** Reads the partner's feed now, whether or not it is due (the reading is written as the job writes it). */
export async function checkFeedNow(input: { agreementId: string }, actor: Actor, now = new Date()): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, PERMISSION);
  const partnerId = await partnerOf(input.agreementId);
  await checkPartnerFeeds(now, { partnerId });
  return { confirmation: "agreement.feedChecked" as const };
}
