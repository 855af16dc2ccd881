import { db } from "@/lib/db";
import type { StaffLocale } from "@/lib/i18n/locales";
import { writeAudit } from "@/lib/audit";
import type { Outcome } from "@/lib/domain/sign-in-lock";
import type { Actor } from "@/lib/domain/permissions";
import { readServerEnv } from "@/lib/config/env";
import { AppError, REFUSED, signInLockedMessage } from "@/lib/domain/errors";
import { readSettings } from "@/lib/settings";
import type { Role } from "@/generated/prisma/enums";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { admitSignIn, lockKeys, settleSignIn } from "./sign-in-lock";

// In English here; a Welsh page words them again (lib/domain/errors.ts REFUSED).
export const INCORRECT_CREDENTIALS = REFUSED.incorrectCredentials;
export const ACCOUNT_DEACTIVATED = REFUSED.accountDeactivated;
export const SIGN_IN_BUSY = REFUSED.signInBusy;
export const lockedMessage = signInLockedMessage;

/** `language`: the user's own (User.language), where signing in lands. */
export type SignedInUser = Actor & { sessionVersion: number; language: StaffLocale };

/**
 * `twoStepPending`: the password was right, and the user's two-step verification asks for a code
 * before any session starts (lib/auth/two-step-sign-in.ts).
 */
export type SignInResult = { ok: true; user: SignedInUser; twoStepPending: boolean } | { ok: false; message: string };

export type SignInOptions = {
  /** The clock the lock reads (tests move it on). */
  clock?: () => Date;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password; the same message whether the email or the password is wrong.
 * `address` is the client's (lib/web/request-context.ts clientAddress), null when unknown. The sign-in
 * lock (lib/domain/sign-in-lock.ts) admits the attempt first: a locked attempt is refused unchecked.
 */
export async function signIn(emailInput: string, password: string, address: string | null, { clock = () => new Date() }: SignInOptions = {}): Promise<SignInResult> {
  const email = normaliseEmail(emailInput).slice(0, 320);
  const keys = lockKeys(email, address);
  const admission = await admitSignIn(keys, clock);
  if (admission.kind !== "admitted") {
    const details = admission.kind === "locked" ? { until: admission.until.toISOString() } : { busy: true };
    await db.$transaction((tx) => writeAudit(tx, { actorEmail: email, action: "auth.sign-in-locked", ip: address, details }));
    return { ok: false, message: admission.kind === "locked" ? lockedMessage(admission.until) : SIGN_IN_BUSY };
  }

  let outcome: Outcome = "abandoned";
  try {
    const user = await db.user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true, language: true, twoStepEnabledAt: true },
    });
    const passwordMatches = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    outcome = passwordMatches ? "passed" : "failed";
    if (!user || !passwordMatches || !user.active) {
      await db.$transaction(async (tx) => {
        await settleSignIn(tx, keys, outcome, clock());
        await writeAudit(tx, {
          actor: user ? { id: user.id, email: user.email } : null,
          actorEmail: email,
          action: "auth.sign-in-failed",
          ip: address,
          details: { reason: !user ? "unknown email" : !passwordMatches ? "wrong password" : "deactivated" },
        });
      });
      // Only someone who knows the password learns that the account is deactivated.
      return { ok: false, message: user && passwordMatches ? ACCOUNT_DEACTIVATED : INCORRECT_CREDENTIALS };
    }
    if (await passwordSignInClosedFor(user.role)) {
      // Only someone who knows the password learns that this account signs in another way.
      await db.$transaction(async (tx) => {
        await settleSignIn(tx, keys, "passed", clock());
        await writeAudit(tx, { actor: user, action: "auth.sign-in-failed", ip: address, details: { reason: "council account only" } });
      });
      return { ok: false, message: REFUSED.ssoOnly };
    }
    const twoStepPending = user.twoStepEnabledAt !== null;
    await db.$transaction(async (tx) => {
      // With two-step verification the sign-in is not over: the attempt's place is freed, and the
      // account's failures are cleared only once the code passes (a wrong code counts as a failure).
      await settleSignIn(tx, keys, twoStepPending ? "abandoned" : "passed", clock());
      await writeAudit(tx, { actor: user, action: twoStepPending ? "auth.sign-in-password" : "auth.sign-in", ip: address });
    });
    return {
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, language: user.language },
      twoStepPending,
    };
  } catch (error) {
    // The attempt's place is freed; if its outcome was known and not saved, a failure still counts.
    await db.$transaction((tx) => settleSignIn(tx, keys, outcome === "failed" ? "failed" : "abandoned", clock())).catch(() => undefined);
    throw error;
  }
}

/**
 * signIn for the sign-in form's action (lib/web/safe-action.ts): a refusal is thrown as an AppError,
 * so the form shows its message like any action's. NextAuth's authorize keeps signIn's result.
 */
export async function signInOrThrow(email: string, password: string, address: string | null): Promise<SignedInUser & { twoStepPending: boolean }> {
  const result = await signIn(email, password, address);
  if (!result.ok) throw new AppError("UNAUTHENTICATED", result.message);
  return { ...result.user, twoStepPending: result.twoStepPending };
}

/**
 * Whether the council's setting keeps this role from signing in with a password: officers and
 * councillors, when "Only with the council account" is on and single sign-on is configured. Admins
 * never (their password is the way in when the council's provider fails); nor anyone while single
 * sign-on is not configured, so a server without it cannot lock its staff out.
 */
export async function passwordSignInClosedFor(role: Role): Promise<boolean> {
  if (role === "ADMIN" || readServerEnv().oidc === null) return false;
  return (await readSettings(db)).ssoOnlyForStaff;
}
