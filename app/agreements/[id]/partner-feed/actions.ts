"use server";

import { checkFeedNow, confirmFeedMatch } from "@/lib/feeds/partner-feed-commands";
import { checkFeedNowSchema, confirmFeedMatchSchema } from "@/lib/domain/validation/partner-feed";
import { createAction } from "@/lib/web/safe-action";

/** "Confirm this is us": a name match of the partner's feed, confirmed by staff. */
export const confirmFeedMatchAction = createAction({
  permission: "agreement:edit",
  schema: confirmFeedMatchSchema,
  invalidates: ["office"],
  run: (input, actor) => confirmFeedMatch(input, actor),
  redirectTo: (_result, input) => `/agreements/${input.agreementId}`,
});

/** "Check the feed now": the partner's feed read at once (within the fetcher's deadline). */
export const checkFeedNowAction = createAction({
  permission: "agreement:edit",
  schema: checkFeedNowSchema,
  invalidates: ["office"],
  run: (input, actor) => checkFeedNow(input, actor),
  redirectTo: (_result, input) => `/agreements/${input.agreementId}`,
});
