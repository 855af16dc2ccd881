// Starting single sign-on from the sign-in page's own form (a server action, so it works without
// JavaScript, like the rest of /login). NextAuth starts an OAuth sign-in only from a POST to
// /api/auth/signin/<provider> carrying its CSRF token, which a page rendered on the server cannot
// hand the browser (the token's cookie would have to be set by the page). So the action asks
// NextAuth's own routes, on the server, for the token and then for the sign-in, passing on the
// cookies NextAuth sets (its CSRF token; the state, PKCE verifier and nonce it checks at the
// callback) and returning where NextAuth sends the browser: the provider's authorization address.
// The action itself is protected as every server action is (same-origin POST only: proxy.ts).
import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest, NextResponse } from "next/server";
import { readServerEnv } from "@/lib/config/env";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { siteOrigin } from "@/lib/web/request-context";
import { authOptions, SSO_PROVIDER_ID } from "./options";

type RouteHandler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/**
 * Where the browser goes to sign in with the council account. NextAuth sends it back to the sign-in
 * page (in `pageLocale`, the language the form was posted from), which, signed in, lands on
 * `returnPath` (a safe path) in the user's own language as a password sign-in does (signInLanding).
 */
export async function startSsoSignIn(returnPath: string, pageLocale: Locale = "en"): Promise<string> {
  // A sign-in page from before the OIDC_ variables were removed: said plainly, not a server error.
  if (!readServerEnv().oidc) throw new AppError("INVALID_TRANSITION", REFUSED.ssoUnavailable);
  const origin = await siteOrigin();
  const handler = NextAuth(authOptions()) as unknown as RouteHandler;
  const call = async (action: string[], init?: { method: string; form: Record<string, string> }) => {
    const request = new NextRequest(`${origin}/api/auth/${action.join("/")}`, {
      method: init?.method ?? "GET",
      headers: init ? { "content-type": "application/x-www-form-urlencoded" } : {},
      body: init ? new URLSearchParams(init.form).toString() : undefined,
    });
    const response = await handler(request, { params: Promise.resolve({ nextauth: action }) });
    // NextAuth reads the request's cookies (next/headers) on its next call: those it set are set here too.
    const jar = await cookies();
    for (const cookie of new NextResponse(null, { headers: response.headers }).cookies.getAll()) jar.set(cookie);
    return response;
  };
  const { csrfToken } = (await (await call(["csrf"])).json()) as { csrfToken: string };
  const started = await call(["signin", SSO_PROVIDER_ID], { method: "POST", form: { csrfToken, callbackUrl: `${origin}${localizedPath(`/login?callbackUrl=${encodeURIComponent(returnPath)}`, pageLocale)}` } });
  const location = started.headers.get("location");
  // NextAuth answers a refused CSRF token with its sign-in page (?csrf=true): never expected here.
  if (!location || /[?&]csrf=true/.test(location)) throw new Error("NextAuth did not start the single sign-on.");
  return location;
}
