import { validationMessage } from "@/lib/domain/validation/messages";

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
  ssoOnly: validationMessage("refused.ssoOnly"),
};

export const STALE_VERSION_MESSAGE = REFUSED.staleVersion;

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  VALIDATION: 422,
};
