import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedAction } from "@/lib/action-request";
import { bodyWithNonce, cachedPublicPage, isInternalRender, placeholderNonce } from "@/lib/public-page-cache";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

/**
 * Security headers on every response, with a fresh CSP nonce per request, and anonymous visits to
 * the public pages answered from their cache (lib/public-page-cache.ts). This is not
 * authorization: pages and actions check the policy themselves.
 */
export async function proxy(request: NextRequest) {
  if (isCrossOriginServerAction(request)) {
    // Next.js refuses these too (with a 500); say plainly that it is forbidden.
    return new NextResponse("Cross-origin server action requests are not allowed.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const malformed = await refuseMalformedAction(request);
  if (malformed) return malformed;
  const internalRender = isInternalRender(request.headers);
  const cached = internalRender ? null : await cachedPublicPage({ method: request.method, url: request.nextUrl, headers: request.headers });
  const nonce = internalRender ? placeholderNonce() : Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https });
  if (cached) {
    const response = new NextResponse(request.method === "HEAD" ? null : streamOf(bodyWithNonce(cached.page, nonce)), { status: 200, headers: cached.page.headers });
    response.headers.set("X-Cache", cached.hit ? "HIT" : "MISS");
    return withSecurityHeaders(response, csp, https);
  }
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's policy and adds it to its own scripts.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);
}

/** The body as one chunk: a byte array given to Response is copied and then re-read in small pieces. */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

function withSecurityHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
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
