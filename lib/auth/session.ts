import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { readServerEnv } from "@/lib/env";
import { can, type Actor, type Permission } from "@/lib/permissions";
import { authOptions, secureCookiesEnabled, sessionCookieName } from "./options";

type SessionClaims = { userId?: string; sessionVersion?: number };

/**
 * The signed-in user for this request, or null. Reads the user again on every request, so a
 * deactivation, a role change or a new password takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions())) as SessionClaims | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
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
