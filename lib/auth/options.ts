import type { NextAuthOptions } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { readServerEnv } from "@/lib/config/env";
import { clientAddress } from "@/lib/web/request-context";
import type { Role } from "@/generated/prisma/enums";
import { createSession, findSessionUser, revokeSession, sessionEndsAt, type SessionClaims } from "./sessions";
import { signIn } from "./sign-in";

/**
 * NextAuth v4 with the credentials provider and JWT sessions. Each session also has a row
 * (lib/auth/sessions.ts), checked whenever the cookie is read, here as on every page: signing
 * out ends it, and it ends SESSION_HOURS after sign-in however often the cookie is re-issued.
 */
export function authOptions(): NextAuthOptions {
  const env = readServerEnv();
  const maxAge = env.SESSION_HOURS * 60 * 60;
  return {
    secret: env.NEXTAUTH_SECRET,
    useSecureCookies: secureCookiesEnabled(),
    // Over HTTPS the __Host- name: no Domain, path /, Secure (the browser enforces all three).
    ...(secureCookiesEnabled() && {
      cookies: { sessionToken: { name: sessionCookieName(), options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } } },
    }),
    session: { strategy: "jwt", maxAge },
    jwt: {
      maxAge,
      // NextAuth seals each cookie it issues for maxAge from now; never past the session's end.
      encode: (params) => encode({ ...params, maxAge: secondsLeft(params.token, params.maxAge ?? maxAge) }),
    },
    pages: { signIn: "/login" },
    logger: {
      // An expired or forged session cookie is an everyday event (the visitor is treated as
      // signed out), not a server error: a warning, without the token or its stack.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") warnRefusedSession();
        else console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          // NextAuth's route handler runs in the request's context: the same address as the sign-in form's.
          const result = await signIn(credentials?.email ?? "", credentials?.password ?? "", await clientAddress());
          if (!result.ok) throw new Error(result.message);
          // This route has no second step: a user with two-step verification signs in on /login.
          if (result.twoStepPending) throw new Error("This account uses two-step verification: sign in at /login.");
          return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role, sessionVersion: result.user.sessionVersion };
        },
      }),
    ],
    events: {
      // NextAuth's own sign-out route (the app's is the signOut action): the session's row goes too.
      async signOut({ token }) {
        if (!token?.sub) return;
        const claims = claimsOf(token);
        await revokeSession(claims, await findSessionUser(claims));
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as typeof user & { role: Role; sessionVersion: number };
          const session = await createSession(signedIn.id);
          return { ...token, role: signedIn.role, sessionVersion: signedIn.sessionVersion, sid: session.id, authTime: session.authTime };
        }
        // The session route reads the cookie: the same check as every page. Throwing makes NextAuth
        // answer "no session" and clear the cookie (logged as JWT_SESSION_ERROR: warnRefusedSession).
        const current = await findSessionUser(claimsOf(token));
        if (!current) throw new Error("The session has ended.");
        return { ...token, name: current.name, email: current.email, role: current.role };
      },
      session({ session, token }) {
        // NextAuth offers now + maxAge; the session ends when it ends.
        const expires = typeof token.authTime === "number" ? sessionEndsAt(token.authTime).toISOString() : session.expires;
        return { ...session, expires, userId: token.sub, role: token.role };
      },
    },
  };
}

function claimsOf(token: JWT): SessionClaims {
  return { userId: token.sub ?? "", sessionId: token.sid, authTime: token.authTime, sessionVersion: token.sessionVersion };
}

/** The seconds a token may still live: `maxAge`, cut short at its session's end. */
function secondsLeft(token: JWT | undefined, maxAge: number): number {
  if (typeof token?.authTime !== "number") return maxAge;
  return Math.min(maxAge, Math.floor(sessionEndsAt(token.authTime).getTime() / 1000) - Math.floor(Date.now() / 1000));
}

/**
 * NextAuth's session route (GET /api/auth/session) answers with the cookie sealed again and a new
 * expiry. Only the clearing of an ended session's cookie is passed on: a session's cookie is
 * issued once, at sign-in, and expires when the session ends.
 */
export function withoutReissuedSessionCookie(response: Response): Response {
  const name = sessionCookieName();
  const setCookies = response.headers.getSetCookie();
  const kept = setCookies.filter((line) => {
    const [cookieName = "", ...value] = (line.split(";")[0] ?? "").split("=");
    const isSession = cookieName.trim() === name || cookieName.trim().startsWith(`${name}.`);
    return !isSession || value.join("=").trim() === "";
  });
  if (kept.length === setCookies.length) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const line of kept) headers.append("set-cookie", line);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** An expired, ended or forged session cookie: logged without the token, and the visitor is signed out. */
export function warnRefusedSession(): void {
  console.warn("[next-auth] A session cookie was refused (expired, signed out or not ours); treated as signed out.");
}

export function secureCookiesEnabled(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

/**
 * The session cookie's name, which NextAuth reads too (authOptions().cookies). Over HTTPS the
 * __Host- prefix: the browser accepts it only with Secure, path / and no Domain, so no other
 * site on a sibling subdomain can set or overwrite it (session fixation by cookie tossing).
 */
export function sessionCookieName(): string {
  return secureCookiesEnabled() ? "__Host-next-auth.session-token" : "next-auth.session-token";
}
