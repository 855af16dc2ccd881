// The two commands of "What <partner> publishes about us" (issue 25 item 2) on the agreement page.
import { z } from "zod";
import { FORBIDDEN_CHARACTERS } from "./fields";
import { validationMessage } from "./messages";

const agreementId = z.uuid({ error: validationMessage("notFound.agreement") });

/** "Check the feed now": read the partner's feed at once. */
export const checkFeedNowSchema = z.object({ agreementId });

/** Why a confirmation of a match that has changed since the page was shown is refused. */
export const FEED_MATCH_CHANGED = validationMessage("refused.feedMatchChanged");

/** "Confirm this is us": the name match staff saw (refused when the feed has since said otherwise; a feed's names never hold control characters). */
export const confirmFeedMatchSchema = z.object({
  agreementId,
  matchedName: z
    .string({ error: FEED_MATCH_CHANGED })
    .max(2000, { error: FEED_MATCH_CHANGED })
    .refine((value) => !FORBIDDEN_CHARACTERS.test(value), FEED_MATCH_CHANGED),
});
