// The second step of signing in, for a user with two-step verification on. After the right
// password no session starts: the browser gets a pending-sign-in cookie instead — sealed with the
// secret box (so neither readable nor forgeable), HttpOnly, scoped to the sign-in page's path, for
// five minutes, and bound to the user and their session counter (a new password or an admin's
// reset voids it). Only a verification code that passes, under the sign-in lock, starts the session.
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/domain/errors";
import { SIGN_IN_EXPIRED, WRONG_CODE } from "@/lib/domain/validation/two-step";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { secureCookiesEnabled } from "./options";
import { open, seal, SecretBoxError } from "./secret-box";
import type { SignedInUser } from "./sign-in";
import { checkUnderSignInLock, spendVerificationCode } from "./two-step";

export const PENDING_SIGN_IN_SECONDS = 5 * 60;
const CONTEXT = "two-step-pending-sign-in";

export type PendingSignIn = { userId: string; sessionVersion: number };

/** `__Secure-` over HTTPS (a `__Host-` cookie must have path /; this one is scoped to the sign-in page). */
export function pendingCookieName(): string {
  return secureCookiesEnabled() ? "__Secure-two-step-pending" : "two-step-pending";
}

export function sealPendingSignIn(pending: PendingSignIn, now: Date): string {
  return seal(JSON.stringify({ u: pending.userId, v: pending.sessionVersion, exp: now.getTime() + PENDING_SIGN_IN_SECONDS * 1000 }), CONTEXT);
}

/** The pending sign-in a cookie's value names, or null: malformed, not sealed by us, or expired. */
export function openPendingSignIn(value: string | undefined, now: Date): PendingSignIn | null {
  if (!value) return null;
  try {
    const claims = JSON.parse(open(value, CONTEXT)) as { u?: unknown; v?: unknown; exp?: unknown };
    if (typeof claims.u !== "string" || typeof claims.v !== "number" || typeof claims.exp !== "number" || claims.exp <= now.getTime()) return null;
    return { userId: claims.u, sessionVersion: claims.v };
  } catch (error) {
    if (error instanceof SecretBoxError || error instanceof SyntaxError) return null;
    throw error;
  }
}

function cookieAttributes(locale: Locale) {
  return { httpOnly: true, sameSite: "lax", secure: secureCookiesEnabled(), path: localizedPath("/login", locale) } as const;
}

/** After the right password: the cookie that lets the sign-in page ask for a code, on the page in `locale`. */
export async function issuePendingSignIn(user: Pick<SignedInUser, "id" | "sessionVersion">, locale: Locale, now = new Date()): Promise<void> {
  (await cookies()).set(pendingCookieName(), sealPendingSignIn({ userId: user.id, sessionVersion: user.sessionVersion }, now), { ...cookieAttributes(locale), maxAge: PENDING_SIGN_IN_SECONDS });
}

export async function readPendingSignIn(now = new Date()): Promise<PendingSignIn | null> {
  return openPendingSignIn((await cookies()).get(pendingCookieName())?.value, now);
}

export async function clearPendingSignIn(locale: Locale): Promise<void> {
  (await cookies()).set(pendingCookieName(), "", { ...cookieAttributes(locale), maxAge: 0 });
}

/**
 * Checks the code of a pending sign-in: a TOTP code not used before, or an unused recovery code
 * (spent). A wrong code counts as a failed sign-in of the account (the sign-in lock). The user must
 * still be active, with the session counter the password was checked under.
 */
export async function completeTwoStepSignIn(pending: PendingSignIn, code: string, address: string | null, { clock = () => new Date() }: { clock?: () => Date } = {}): Promise<SignedInUser> {
  const user = await db.user.findUnique({
    where: { id: pending.userId },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true, language: true, twoStepEnabledAt: true },
  });
  if (!user || !user.active || user.sessionVersion !== pending.sessionVersion || !user.twoStepEnabledAt) throw new AppError("UNAUTHENTICATED", SIGN_IN_EXPIRED, { code: [SIGN_IN_EXPIRED] });
  await checkUnderSignInLock(
    { email: user.email, ip: address, clock, field: "code" },
    async (tx, now) => {
      const kind = await spendVerificationCode(tx, user.id, code, now);
      if (kind) await writeAudit(tx, { actor: user, action: "auth.sign-in", ip: address, details: { secondStep: kind } });
      return kind;
    },
    (tx) => writeAudit(tx, { actor: user, action: "auth.sign-in-failed", ip: address, details: { reason: "wrong verification code" } }),
    WRONG_CODE,
  );
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, language: user.language };
}
