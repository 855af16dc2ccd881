import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { decode, encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { readServerEnv } from "@/lib/env";
import { can, type Actor, type Permission } from "@/lib/permissions";
import { secureCookiesEnabled, sessionCookieName, warnRefusedSession } from "./options";

type SessionClaims = { userId: string; sessionVersion: unknown };

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
    return claims?.sub ? { userId: claims.sub, sessionVersion: claims.sessionVersion } : null;
  } catch {
    warnRefusedSession();
    return null;
  }
}

/**
 * The signed-in user for this request, or null. Reads the user again on every request, so a
 * deactivation, a role change or a new password takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await readSessionClaims();
  if (!session) return null;
  // Raw SQL: every page asks this, and Prisma's query compiler costs more CPU than the lookup.
  const [user] = await db.$queryRaw<(Actor & { active: boolean; sessionVersion: number })[]>`
    SELECT "id", "email", "name", "role", "active", "sessionVersion" FROM "User" WHERE "id" = ${session.userId}::uuid`;
  if (!user || !user.active || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: signed out → /login (and back afterwards); signed in without the permission → 403. */
export async function requirePageUser(returnTo: string, permission?: Permission): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (permission && !can(user, permission)) forbidden();
  return user;
}

/** Issues the same JWT session cookie that NextAuth's credentials flow would. */
export async function startSession(user: Actor & { sessionVersion: number }): Promise<void> {
  const env = readServerEnv();
  const maxAge = env.SESSION_HOURS * 60 * 60;
  const token = await encode({
    secret: env.NEXTAUTH_SECRET,
    maxAge,
    token: { sub: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookiesEnabled(),
    path: "/",
    maxAge,
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}
