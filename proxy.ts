import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedAction } from "@/lib/action-request";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

/**
 * Security headers on every response, with a fresh CSP nonce per request. This is not
 * authorization: pages and actions check the policy themselves.
 */
export async function proxy(request: NextRequest) {
  if (isCrossOriginServerAction(request)) {
    // Next.js refuses these too (with a 500); say plainly that it is forbidden.
    return new NextResponse("Cross-origin server action requests are not allowed.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const malformed = await refuseMalformedAction(request);
  if (malformed) return malformed;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's policy and adds it to its own scripts.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

/** A server action posted from another site (CSRF): its Origin is not this host. */
function isCrossOriginServerAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
