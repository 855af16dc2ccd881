"use server";

import { answerReferral } from "@/lib/agreements/answer-referral";
import { callInDecision } from "@/lib/agreements/call-in";
import { recordScrutinyOutcome } from "@/lib/agreements/scrutiny-outcome";
import { callInSchema, referralAnswerSchema, scrutinyOutcomeSchema } from "@/lib/domain/validation/call-in";
import { createAction } from "@/lib/web/safe-action";

// Call-in (docs/decisions/023-call-in.md). Each operation asks the policy module about the decision
// at hand (mayCallIn, mayRecordScrutinyOutcome, mayAnswerReferral): a scrutiny member who took no
// part, an admin, the decision-maker.

/** "Call in" a decision in its call-in period. */
export const callInAction = createAction({
  permission: "decision:call-in",
  schema: callInSchema,
  invalidates: ["office", "public"],
  run: (input, actor) => callInDecision(input, actor),
  redirectTo: (result) => `/agreements/${result.agreementId}`,
});

/** "Record the outcome of scrutiny" on a called-in decision. */
export const scrutinyOutcomeAction = createAction({
  permission: "scrutiny:outcome",
  schema: scrutinyOutcomeSchema,
  invalidates: ["office", "public"],
  run: (input, actor) => recordScrutinyOutcome(input, actor),
  redirectTo: (result) => `/agreements/${result.agreementId}`,
});

/** The decision-maker's (or full council's) answer to a referred decision. */
export const answerReferralAction = createAction({
  permission: "agreement:read",
  schema: referralAnswerSchema,
  invalidates: ["office", "public"],
  run: (input, actor) => answerReferral(input, actor),
  redirectTo: (result) => `/agreements/${result.agreementId}`,
});
