// The partner's own answer through an emailed link (issue 23 item 3), pure: when a link may be
// asked for, answered and accepted, and what its page says when it no longer opens.
import type { AgreementStatus, PartnerAnswerKind } from "@/generated/prisma/enums";
import { CONFIRMABLE_STATUSES } from "./lifecycle";

/** A link in force: the partner is asked to confirm a link that is Active or Suspended. */
export const REQUESTABLE_STATUSES: readonly AgreementStatus[] = ["ACTIVE", "SUSPENDED"];

/** Why a confirmation page does not show its form: each has its own words on the page (and a 4xx status). */
export type UnusableLink = "used" | "expired" | "unknown" | "outdated";

/** Whether an answer may still be given through a request: its terms unchanged and the link in force. */
export function answerable(request: { termsDigest: string; contactKept: boolean }, current: { termsDigest: string; status: AgreementStatus }): boolean {
  return request.contactKept && request.termsDigest === current.termsDigest && REQUESTABLE_STATUSES.includes(current.status);
}

/** Whether staff may accept an answer: a confirmation not yet accepted, on a link that is not final. */
export function acceptable(answer: { answer: PartnerAnswerKind; acceptedDecisionId: string | null }, status: AgreementStatus): boolean {
  return answer.answer === "CONFIRMED" && answer.acceptedDecisionId === null && CONFIRMABLE_STATUSES.includes(status);
}
