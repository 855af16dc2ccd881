import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { localizedPath, type Locale, type StaffLocale } from "@/lib/i18n/locales";
import { getPageLocale } from "@/lib/i18n/server";
import { decode, encode } from "next-auth/jwt";
import { readServerEnv } from "@/lib/config/env";
import type { Confirmation } from "@/lib/web/confirmations";
import { can, type Actor, type Permission } from "@/lib/domain/permissions";
import { secureCookiesEnabled, sessionCookieName, warnRefusedSession } from "./options";
import { AppError, REFUSED } from "@/lib/domain/errors";
import type { ChangePasswordInput } from "@/lib/domain/validation/account";
import { changePassword } from "./change-password";
import { createSession, findSessionUser, revokeSession, sessionEndsAt, type SessionClaims, type StartedSession } from "./sessions";

/**
 * The claims of this request's session cookie, or null when there is none or it is refused
 * (expired, or not sealed with our secret). The cookie as NextAuth issues and reads it (JWE,
 * 15 s clock tolerance), decoded directly: getServerSession would also run NextAuth's whole
 * session route, re-sealing a refreshed cookie that a page cannot set anyway.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const name = sessionCookieName();
  // NextAuth splits a cookie over 4 KB into name.0, name.1, …
  const token =
    jar.get(name)?.value ??
    jar
      .getAll()
      .filter((cookie) => cookie.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
      .map((cookie) => cookie.value)
      .join("");
  if (!token) return null;
  try {
    const claims = await decode({ token, secret: readServerEnv().NEXTAUTH_SECRET });
    return claims?.sub ? { userId: claims.sub, sessionId: claims.sid, authTime: claims.authTime, sessionVersion: claims.sessionVersion } : null;
  } catch {
    warnRefusedSession();
    return null;
  }
}

/**
 * The signed-in user for this request, or null. Reads the session's row and the user again on
 * every request, so signing out, a deactivation, a role change or a new password takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const claims = await readSessionClaims();
  return claims ? findSessionUser(claims) : null;
});

/**
 * Where a completed sign-in lands — by password, by two-step code, or by single sign-on (which comes
 * back through /login for this): the return address, in the user's own language (User.language)
 * when it names none, so a Welsh speaker signing in from an English page goes to /cy/…; one that
 * names a language keeps it; an English speaker stays in the language of the sign-in page.
 */
export function signInLanding(language: StaffLocale, returnPath: string, pageLocale: Locale): string {
  return localizedPath(returnPath, language === "en" ? pageLocale : language);
}

/** For pages: signed out → /login (and back afterwards); signed in without the permission → 403. */
export async function requirePageUser(returnTo: string, permission?: Permission): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) {
    // Back to the page in the language it was asked in, by way of the sign-in page in that language.
    const locale = await getPageLocale();
    redirect(localizedPath(`/login?callbackUrl=${encodeURIComponent(localizedPath(returnTo, locale))}`, locale));
  }
  // Two-step verification the council requires and the user has not set up: their account first.
  if (user.twoStepSetupDue && permission !== "account:manage") redirect(localizedPath("/account", await getPageLocale()));
  if (permission && !can(user, permission)) forbidden();
  return user;
}

/** Starts a session (its row, then NextAuth's own JWT session cookie, as its credentials flow would issue). */
export async function startSession(user: Actor & { sessionVersion: number }): Promise<void> {
  await issueSessionCookie(user, await createSession(user.id));
}

/** The session cookie for a started session: it expires when the session ends, and never later. */
export async function issueSessionCookie(user: Actor & { sessionVersion: number }, session: StartedSession): Promise<void> {
  const env = readServerEnv();
  const maxAge = Math.max(0, Math.floor(session.endsAt.getTime() / 1000) - Math.floor(Date.now() / 1000));
  const token = await encode({
    secret: env.NEXTAUTH_SECRET,
    maxAge,
    token: { sub: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sid: session.id, authTime: session.authTime },
  });
  (await cookies()).set(sessionCookieName(), token, { ...sessionCookieAttributes(), maxAge });
}

/**
 * Changing one's own password (/account): every other session ends, and this one's cookie is
 * re-issued with the user's new session counter, so the person who changed it stays signed in
 * until their session would have ended anyway.
 */
export async function changeOwnPassword(input: ChangePasswordInput, actor: Actor, ip: string | null): Promise<{ confirmation: Confirmation }> {
  const claims = await readSessionClaims();
  if (!claims || typeof claims.sessionId !== "string" || typeof claims.authTime !== "number") throw new AppError("UNAUTHENTICATED", REFUSED.sessionEnded);
  const { confirmation, sessionVersion } = await changePassword(input, actor, { ip, sessionId: claims.sessionId });
  await issueSessionCookie({ ...actor, sessionVersion }, { id: claims.sessionId, authTime: claims.authTime, endsAt: sessionEndsAt(claims.authTime) });
  return { confirmation };
}

/** Signing out: the session's row is deleted (a copy of the cookie stops working too, audited), then the cookie. */
export async function endSession(): Promise<{ confirmation: Confirmation }> {
  const claims = await readSessionClaims();
  if (claims) await revokeSession(claims, await getCurrentUser());
  const jar = await cookies();
  const name = sessionCookieName();
  // With the attributes it was set with: a browser ignores a __Host-/__Secure- cookie set without Secure, even to delete it.
  for (const cookie of jar.getAll()) {
    if (cookie.name === name || cookie.name.startsWith(`${name}.`)) jar.set(cookie.name, "", { ...sessionCookieAttributes(), maxAge: 0 });
  }
  return { confirmation: "session.signed-out" };
}

function sessionCookieAttributes() {
  return { httpOnly: true, sameSite: "lax", secure: secureCookiesEnabled(), path: "/" } as const;
}

export type { SessionClaims };
