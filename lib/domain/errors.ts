import type { AgreementStatus } from "@/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/domain/labels";
import { validationMessage, type ValidationKey } from "@/lib/domain/validation/messages";

export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_TRANSITION" | "CONFLICT" | "VALIDATION";

/** A failure the user can be told about. Domain code throws these; one mapper turns them into results. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Field errors to show beside the fields (code VALIDATION). */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/**
 * Why an operation refused, in English (messages/validation "refused"), worded again in the page's
 * language by the validation registry (lib/web/safe-action.ts): one home for each refusal.
 */
export const REFUSED = {
  staleVersion: validationMessage("refused.staleVersion"),
  userMissing: validationMessage("refused.userMissing"),
  agreementMissing: validationMessage("refused.agreementMissing"),
  proposalMissing: validationMessage("refused.proposalMissing"),
  eventMissing: validationMessage("refused.eventMissing"),
  exchangeMissing: validationMessage("refused.exchangeMissing"),
  onlyDrafts: validationMessage("refused.onlyDrafts"),
  lastAdmin: validationMessage("refused.lastAdmin"),
  emailTaken: validationMessage("refused.emailTaken"),
  signIn: validationMessage("refused.signIn"),
  forbidden: validationMessage("refused.forbidden"),
  sessionEnded: validationMessage("refused.sessionEnded"),
  openProposal: validationMessage("refused.openProposal"),
  onlyCouncillors: validationMessage("refused.onlyCouncillors"),
  decided: validationMessage("refused.decided"),
  fourEyes: validationMessage("refused.fourEyes"),
  voted: validationMessage("refused.voted"),
  decidedByVotes: validationMessage("refused.decidedByVotes"),
  notDecidedByVotes: validationMessage("refused.notDecidedByVotes"),
  mayNotRecord: validationMessage("refused.mayNotRecord"),
  ssoOnly: validationMessage("refused.ssoOnly"),
  ssoUnavailable: validationMessage("refused.ssoUnavailable"),
  exchangeAgreementMissing: validationMessage("refused.exchangeAgreementMissing"),
  eventAgreementMissing: validationMessage("refused.eventAgreementMissing"),
  eventAgreementWithdrawn: validationMessage("refused.eventAgreementWithdrawn"),
  partnerMissing: validationMessage("refused.partnerMissing"),
  incorrectCredentials: validationMessage("refused.incorrectCredentials"),
  accountDeactivated: validationMessage("refused.accountDeactivated"),
  signInBusy: validationMessage("refused.signInBusy"),
};

/** A refusal that names the agreement's status, once per status: the status is worded in each language by the message (an ICU select). */
function perStatus(key: ValidationKey): Record<AgreementStatus, string> {
  return Object.fromEntries(Object.keys(STATUS_LABELS).map((status) => [status, validationMessage(key, { status })])) as Record<AgreementStatus, string>;
}

/** Refusals that name the agreement's status. */
export const REFUSED_IN_STATUS = {
  final: perStatus("refused.final"),
  exchangeAgreement: perStatus("refused.exchangeAgreementStatus"),
};

/** The same words whichever counter locked (they tell nobody whether an email has an account), with the time the lock ends in the page's language. */
export function signInLockedMessage(until: Date): string {
  return validationMessage("refused.signInLocked", { time: until.toISOString() });
}

export const STALE_VERSION_MESSAGE = REFUSED.staleVersion;

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  VALIDATION: 422,
};
