import { z } from "zod";
import { validationMessage } from "./messages";

const ENTER_CODE = validationMessage("enter.verificationCode");
const ENTER_PROOF = validationMessage("enter.passwordOrCode");
const TOO_LONG = validationMessage("check.passwordTooLong", { max: "1000" });
const OUT_OF_DATE = validationMessage("rule.outOfDate");

/** The refusals of lib/auth/two-step.ts and lib/auth/two-step-sign-in.ts, each naming what is wrong. */
export const WRONG_CODE = validationMessage("check.verificationCode");
export const WRONG_SETUP_CODE = validationMessage("check.setupCode");
export const WRONG_PROOF = validationMessage("check.passwordOrCode");
export const REQUIRED_BY_COUNCIL = validationMessage("check.twoStepRequired");
export const SIGN_IN_EXPIRED = validationMessage("check.twoStepExpired");

/** A verification code as typed: a TOTP code, or (signing in) a recovery code. */
const code = z.string({ error: ENTER_CODE }).trim().min(1, ENTER_CODE).max(100, WRONG_CODE);


/** Starting or cancelling a setup on /account: the button's own hidden value (a call without it changes nothing). */
export const startTwoStepSchema = z.object({ step: z.literal("start", { error: OUT_OF_DATE }) });
export const cancelTwoStepSchema = z.object({ step: z.literal("cancel", { error: OUT_OF_DATE }) });

/** Confirming the setup of two-step verification on /account with a code from the app. */
export const confirmTwoStepSchema = z.object({ code });

/** The second step of signing in. */
export const twoStepSignInSchema = z.object({ code, callbackUrl: z.string().optional() });

/**
 * Turning two-step verification off, or making new recovery codes: the current password, or a
 * verification code, proves it is the user (not someone at their unlocked screen). Named so that
 * it is never echoed back into the page (lib/web/safe-action.ts).
 */
export const twoStepProofSchema = z.object({ passwordOrCode: z.string({ error: ENTER_PROOF }).min(1, ENTER_PROOF).max(1000, TOO_LONG) });

export type TwoStepProofInput = z.output<typeof twoStepProofSchema>;
