"use server";

import { applyCommand } from "@/lib/agreements/apply-command";
import { recordConfirmation } from "@/lib/agreements/record-confirmation";
import { recordDecision } from "@/lib/agreements/record-decision";
import { recordReview } from "@/lib/agreements/record-review";
import { saveTranslation } from "@/lib/agreements/save-translation";
import { createAction } from "@/lib/web/safe-action";
import { amendmentSchema, commandSchema, confirmationSchema, recordDecisionSchema, reviewSchema, translationSchema } from "@/lib/domain/validation/agreement";

export const agreementCommandAction = createAction({
  // applyCommand checks the command's own permission too.
  permission: "agreement:propose",
  schema: commandSchema,
  invalidates: ["office", "public"],
  run: (input, actor) => applyCommand(input, actor),
  redirectTo: (_result, input) => `/agreements/${input.agreementId}`,
});

/** "Propose amendment": new terms for councillors to decide; nothing changes until they approve. */
export const proposeAmendmentAction = createAction({
  permission: "agreement:propose",
  schema: amendmentSchema,
  arrayFields: ["themes"],
  invalidates: ["office"],
  run: (input, actor) => applyCommand(input, actor),
  redirectTo: (_result, input) => `/agreements/${input.agreementId}`,
});

/** One language's public summary and public reason (the Translations section). */
export const saveTranslationAction = createAction({
  permission: "agreement:edit",
  schema: translationSchema,
  invalidates: ["office", "public"],
  run: (input, actor, context) => saveTranslation(input, actor, context),
  redirectTo: (_result, input) => `/agreements/${input.agreementId}?translation=${input.locale}`,
});

/** "Record a review" on an Active or Suspended agreement. */
export const recordReviewAction = createAction({
  permission: "agreement:propose",
  schema: reviewSchema,
  invalidates: ["office"],
  run: (input, actor) => recordReview(input, actor),
  redirectTo: (_result, input) => `/agreements/${input.agreementId}`,
});

/** "Record partner confirmation" on an agreement that is not final; the public page shows it. */
export const recordConfirmationAction = createAction({
  permission: "agreement:edit",
  schema: confirmationSchema,
  invalidates: ["office", "public"],
  run: (input, actor) => recordConfirmation(input, actor),
  redirectTo: (_result, input) => `/agreements/${input.agreementId}`,
});

/**
 * "Record the decision" on a proposal decided by a meeting, an executive member or an officer under
 * delegated powers: whoever may read agreements reaches the operation, which asks the policy table
 * (mayRecordDecision) whether this person may record this proposal's decision.
 */
export const recordDecisionAction = createAction({
  permission: "agreement:read",
  schema: recordDecisionSchema,
  invalidates: ["office", "public"],
  run: (input, actor) => recordDecision(input, actor),
  redirectTo: (result) => `/agreements/${result.agreementId}`,
});
