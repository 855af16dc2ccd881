import type { NextAuthOptions } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { cookies } from "next/headers";
import { readServerEnv, type OidcConfig } from "@/lib/config/env";
import { localizedPath, splitLocalePath, type Locale } from "@/lib/i18n/locales";
import { clientAddress, siteOrigin } from "@/lib/web/request-context";
import type { Role } from "@/generated/prisma/enums";
import { createSession, findSessionUser, revokeSession, sessionEndsAt, type SessionClaims } from "./sessions";
import { signIn } from "./sign-in";
import { normaliseIssuer, signInWithSso, ssoSubject, type IdTokenClaims, type SsoRefusal } from "./sso-sign-in";
import { issuePendingSignIn } from "./two-step-sign-in";

/** NextAuth's id of the council's OpenID provider: its callback is /api/auth/callback/oidc. */
export const SSO_PROVIDER_ID = "oidc";

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
    // NextAuth's own error page is never shown: a failed single sign-on comes back to /login (?error=).
    pages: { signIn: "/login", error: "/login" },
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
      ...(env.oidc ? [councilAccountProvider(env.oidc)] : []),
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
      /**
       * Single sign-on: the ID token's claims (checked by the OpenID client: signature, audience,
       * nonce, expiry) decide who signs in (lib/auth/sso-sign-in.ts). A refusal goes back to
       * /login with its reason; with two-step verification on, /login asks for the code first.
       * Otherwise `user` becomes the account signed in, for the jwt callback below.
       */
      async signIn({ user, account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        const locale = await signInLocale();
        if (!env.oidc || !profile) return ssoRefusalPath("failed", locale);
        const result = await signInWithSso(profile as IdTokenClaims, { issuer: env.oidc.issuer, address: await clientAddress() });
        if (!result.ok) return ssoRefusalPath(result.refusal, locale);
        if (result.twoStepPending) {
          await issuePendingSignIn(result.user, locale);
          return `${await siteOrigin()}${localizedPath("/login", locale)}`;
        }
        Object.assign(user, { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role, sessionVersion: result.user.sessionVersion });
        return true;
      },
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

/**
 * The council's OpenID provider (NextAuth's OAuth provider in its OpenID Connect form): discovered
 * from the issuer's metadata; the authorization code flow with PKCE, state and nonce; who signs in
 * is read from the ID token (`idToken`), whose issuer, audience and signature the client checks.
 */
export function councilAccountProvider(oidc: OidcConfig): OAuthConfig<IdTokenClaims> {
  const issuer = normaliseIssuer(oidc.issuer);
  return {
    id: SSO_PROVIDER_ID,
    name: oidc.displayName ?? "Council account",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // NextAuth needs an id; who this is is decided in the signIn callback (a token without a
    // subject is refused there, with a message, rather than failing here).
    profile: (claims) => ({
      id: ssoSubject(claims) ?? "no subject",
      name: typeof claims.name === "string" ? claims.name : null,
      email: typeof claims.email === "string" ? claims.email : null,
    }),
  };
}

/** The language a single sign-on started in: that of the return address NextAuth kept (its callback-url cookie). */
async function signInLocale(): Promise<Locale> {
  const name = secureCookiesEnabled() ? "__Secure-next-auth.callback-url" : "next-auth.callback-url";
  const value = (await cookies()).get(name)?.value;
  if (!value) return "en";
  try {
    return splitLocalePath(new URL(value, "http://localhost").pathname).locale;
  } catch {
    return "en";
  }
}

/** Where a refused single sign-on goes: the sign-in page, which says why (?sso=). */
async function ssoRefusalPath(refusal: SsoRefusal, locale: Locale): Promise<string> {
  return `${await siteOrigin()}${localizedPath(`/login?sso=${refusal}`, locale)}`;
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
