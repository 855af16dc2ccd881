"use server";

import { z } from "zod";
import { redirect } from "next/navigation";
import { signInLanding, startSession } from "@/lib/auth/session";
import { startSsoSignIn } from "@/lib/auth/sso-start";
import { signInOrThrow } from "@/lib/auth/sign-in";
import { clearPendingSignIn, completeTwoStepSignIn, issuePendingSignIn, readPendingSignIn } from "@/lib/auth/two-step-sign-in";
import { AppError } from "@/lib/domain/errors";
import type { StaffLocale } from "@/lib/i18n/locales";
import { getPageLocale } from "@/lib/i18n/server";
import { siteOrigin } from "@/lib/web/request-context";
import { createAction } from "@/lib/web/safe-action";
import { safeReturnPath, signInSchema, ssoSignInSchema } from "@/lib/domain/validation/auth";
import { SIGN_IN_EXPIRED, twoStepSignInSchema } from "@/lib/domain/validation/two-step";

/** Where a completed sign-in lands (lib/auth/session.ts signInLanding). */
async function landing(language: StaffLocale, callbackUrl: string | undefined): Promise<string> {
  return signInLanding(language, safeReturnPath(callbackUrl, await siteOrigin()), await getPageLocale());
}

export const signInAction = createAction({
  // Anyone: this is how one signs in.
  permission: null,
  schema: signInSchema,
  invalidates: [],
  async run(input, _actor, { ip }) {
    const user = await signInOrThrow(input.email, input.password, ip);
    // Two-step verification: no session yet, only the pending sign-in that lets this page ask for a code.
    if (user.twoStepPending) await issuePendingSignIn(user, await getPageLocale());
    else await startSession(user);
    // No confirmation: the page signed in to says enough.
    return { language: user.language, twoStepPending: user.twoStepPending, confirmation: undefined };
  },
  async redirectTo({ language, twoStepPending }, input) {
    if (twoStepPending) return `/login?callbackUrl=${encodeURIComponent(safeReturnPath(input.callbackUrl, await siteOrigin()))}`;
    return landing(language, input.callbackUrl);
  },
});

/** The second step: a verification code (or a recovery code) for the pending sign-in; then the session starts. */
export const twoStepSignInAction = createAction({
  permission: null,
  schema: twoStepSignInSchema,
  invalidates: [],
  async run(input, _actor, { ip }) {
    const pending = await readPendingSignIn();
    if (!pending) throw new AppError("UNAUTHENTICATED", SIGN_IN_EXPIRED, { code: [SIGN_IN_EXPIRED] });
    const user = await completeTwoStepSignIn(pending, input.code, ip);
    await clearPendingSignIn(await getPageLocale());
    await startSession(user);
    return { language: user.language, confirmation: undefined };
  },
  redirectTo: ({ language }, input) => landing(language, input.callbackUrl),
});

/** Gives up a pending sign-in: back to the email and password. */
export const cancelTwoStepSignInAction = createAction({
  permission: null,
  schema: z.object({ callbackUrl: z.string().optional() }),
  invalidates: [],
  async run() {
    await clearPendingSignIn(await getPageLocale());
    return { confirmation: undefined };
  },
  async redirectTo(_result, input) {
    return `/login?callbackUrl=${encodeURIComponent(safeReturnPath(input.callbackUrl, await siteOrigin()))}`;
  },
});

/** "Sign in with your council account": to the council's OpenID provider (lib/auth/sso-start.ts), back to the return address. */
export const ssoSignInAction = createAction({
  permission: null,
  schema: ssoSignInSchema,
  invalidates: [],
  async run(input): Promise<never> {
    redirect(await startSsoSignIn(safeReturnPath(input.callbackUrl, await siteOrigin()), await getPageLocale()));
  },
});
