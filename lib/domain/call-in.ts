// Call-in's pure rules (issue 24 item 4, docs/decisions/023-call-in.md): which states wait, who took
// part in a decision, and what each state allows. Who may act is the policy module's
// (mayCallIn, mayRecordScrutinyOutcome, mayAnswerReferral in lib/domain/permissions.ts).
import type { CallInState } from "@/generated/prisma/enums";
import { validationMessage } from "@/lib/domain/validation/messages";

/** The states of a decision that is decided but not (yet) in effect: the agreement waits, and no other proposal may open. */
export const WAITING_STATES = ["AWAITING", "CALLED_IN", "REFERRED_BACK", "REFERRED_TO_COUNCIL"] as const satisfies readonly CallInState[];

export function isWaiting(state: CallInState | null | undefined): boolean {
  return state !== null && state !== undefined && (WAITING_STATES as readonly string[]).includes(state);
}

/**
 * Whether someone took part in the decision, so may neither call it in nor judge it: its proposer,
 * its executive member, a councillor who voted on it, or whoever recorded it.
 */
export function tookPart(userId: string, decision: { proposerId: string; executiveMemberId: string | null; deciderIds: readonly string[] }): boolean {
  return userId === decision.proposerId || userId === decision.executiveMemberId || decision.deciderIds.includes(userId);
}

/** A call-in may still be made: the decision waits in its period, and today (a London date) is before the day it takes effect. */
export function callInOpen(state: CallInState | null, takesEffectOn: string | null, today: string): boolean {
  return state === "AWAITING" && takesEffectOn !== null && today < takesEffectOn;
}

/** Why a call-in step is refused, worded in each language by messages/validation. */
export const CALL_IN_REFUSED = {
  mayNotCallIn: validationMessage("refused.mayNotCallIn"),
  callInClosed: validationMessage("refused.callInClosed"),
  alreadyCalledIn: validationMessage("refused.alreadyCalledIn"),
  notCalledIn: validationMessage("refused.notCalledIn"),
  mayNotRecordOutcome: validationMessage("refused.mayNotRecordOutcome"),
  notReferred: validationMessage("refused.notReferred"),
  mayNotAnswerReferral: validationMessage("refused.mayNotAnswerReferral"),
  bankHolidayTaken: validationMessage("refused.bankHolidayTaken"),
  scrutinyNotCouncillor: validationMessage("refused.scrutinyNotCouncillor"),
} as const;
