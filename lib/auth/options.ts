import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { readServerEnv } from "@/lib/env";
import type { Role } from "@/generated/prisma/enums";
import { signIn } from "./sign-in";

/** NextAuth v4 with the credentials provider and JWT sessions (stateless: instances scale out). */
export function authOptions(): NextAuthOptions {
  const env = readServerEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    useSecureCookies: secureCookiesEnabled(),
    session: { strategy: "jwt", maxAge: env.SESSION_HOURS * 60 * 60 },
    jwt: { maxAge: env.SESSION_HOURS * 60 * 60 },
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
        async authorize(credentials, request) {
          const forwarded = request?.headers?.["x-forwarded-for"];
          const ip = typeof forwarded === "string" ? (forwarded.split(",")[0]?.trim() ?? null) : null;
          const result = await signIn(credentials?.email ?? "", credentials?.password ?? "", ip);
          if (!result.ok) throw new Error(result.message);
          return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role, sessionVersion: result.user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as typeof user & { role: Role; sessionVersion: number };
          token.role = signedIn.role;
          token.sessionVersion = signedIn.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, role: token.role, sessionVersion: token.sessionVersion };
      },
    },
  };
}

/** An expired or forged session cookie: logged without the token, and the visitor is signed out. */
export function warnRefusedSession(): void {
  console.warn("[next-auth] A session cookie was refused (expired or not ours); treated as signed out.");
}

export function secureCookiesEnabled(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

/** NextAuth's own cookie name, so a session we issue is the one it reads. */
export function sessionCookieName(): string {
  return secureCookiesEnabled() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
