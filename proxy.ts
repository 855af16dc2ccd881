import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedAction, refuseOversizedBody } from "@/lib/web/proxy-filter";
import { bodyWithNonce, cachedPublicPage, isInternalRender, placeholderNonce } from "@/lib/cache/public-pages";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/config/request-id";
import { servedOverHttps } from "@/lib/web/request-context";
import { isCrossOriginPost, isOpaqueSameOriginPost } from "@/lib/web/request-origin";
import { carriesSecret, contentSecurityPolicy, DOWNLOAD_CSP, isDocumentDownload, securityHeaders } from "@/lib/web/security-headers";
import { safeReturnPath } from "@/lib/domain/validation/auth";
import { splitLocalePath } from "@/lib/i18n/locales";
import { LOCALE_HEADER, PATH_HEADER } from "@/lib/i18n/request-header";
import { confirmationLinkState, confirmationPageStatus } from "@/lib/contacts/link-state";

/**
 * Security headers on every response, with a fresh CSP nonce per request; the language prefix of
 * the address ("/cy/partners") taken off and handed to the page (docs/decisions/020-languages.md);
 * anonymous visits to the public pages answered from their cache (lib/cache/public-pages.ts). This
 * is not authorization: pages and actions check the policy themselves.
 */
export async function proxy(request: NextRequest) {
  // Every request's id, handed to the page (its log lines carry it) and answered to the client.
  const requestId = requestIdFor(request.headers);
  const response = await answer(request, requestId);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

async function answer(request: NextRequest, requestId: string): Promise<Response> {
  // From the configured public address, never from X-Forwarded-Proto (anyone can send that).
  const https = servedOverHttps();
  if (isCrossOriginPost(request)) {
    // A server action posted from another site, with JavaScript (Next-Action header) or without
    // (a plain form): Next.js refuses these too, with a 500; say plainly that it is forbidden.
    return withSecurityHeaders(plain(403, "Cross-origin form posts are not allowed."), "default-src 'none'", https);
  }
  if (!decodablePath(request.nextUrl.pathname)) {
    // /partners/%ff: Next.js cannot decode the segment and answers a bare 500.
    return withSecurityHeaders(plain(400, "The address of this page is not valid."), "default-src 'none'", https);
  }
  const authRequest = withSafeCallbackUrl(request.nextUrl);
  if (authRequest) {
    // 307: the same method and body, to the same NextAuth route.
    return withSecurityHeaders(NextResponse.redirect(new URL(authRequest, request.nextUrl), 307), "default-src 'none'", https);
  }
  const malformed = (await refuseOversizedBody(request)) ?? (await refuseMalformedAction(request));
  if (malformed) return malformed;
  const language = splitLocalePath(request.nextUrl.pathname);
  if (language.prefixed && language.locale === "en") {
    // "/en/partners": English has no prefix; one address per page.
    return withSecurityHeaders(NextResponse.redirect(onThisSite(request, language.path), 308), "default-src 'none'", https);
  }
  const internalRender = isInternalRender(request.headers);
  const cached = internalRender ? null : await cachedPublicPage({ method: request.method, url: request.nextUrl, headers: request.headers });
  const nonce = internalRender ? placeholderNonce() : Buffer.from(crypto.randomUUID()).toString("base64");
  // A stored document is never a page of ours: a sandbox, whatever it holds (decision 021).
  const csp = isDocumentDownload(language.path) ? DOWNLOAD_CSP : contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https, signInProvider: process.env.OIDC_ISSUER });
  if (cached) {
    const response = new NextResponse(request.method === "HEAD" ? null : streamOf(bodyWithNonce(cached.page, nonce)), { status: 200, headers: cached.page.headers });
    response.headers.set("X-Cache", cached.hit ? "HIT" : "MISS");
    return withSecurityHeaders(response, csp, https);
  }
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's policy and adds it to its own scripts.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  // Set on every request, so a visitor's own header of that name never reaches a page.
  requestHeaders.set(LOCALE_HEADER, language.served ? language.locale : "en");
  requestHeaders.set(PATH_HEADER, `${language.path}${request.nextUrl.search}`);
  // Next.js refuses a server action whose Origin is not this host: name it for a same-origin post that could not.
  if (isOpaqueSameOriginPost(request)) requestHeaders.set("origin", `${request.nextUrl.protocol}//${request.headers.get("x-forwarded-host") ?? request.headers.get("host")}`);
  const secretAddress = carriesSecret(language.path);
  // A page whose status is not 200 though it renders in full: the partner's confirmation link that no longer opens its form.
  const status = await pageStatus(request, language.path);
  const init = { request: { headers: requestHeaders }, ...(status === 200 ? {} : { status }) };
  if (!language.prefixed) return withSecurityHeaders(NextResponse.next(init), csp, https, secretAddress);
  // A page in a language it is not offered in ("/de/dashboard") is no page of ours: an address
  // no route matches gives the site's own 404 page.
  const target = onThisSite(request, language.served ? language.path : "/_not-offered-in-this-language");
  return withSecurityHeaders(NextResponse.rewrite(target, init), csp, https, secretAddress);
}

const CONFIRMATION_PAGE = /^\/confirm\/([^/]+)$/;

/**
 * The status a page is answered with, where the page itself cannot say it: /confirm/<token> renders
 * its "link no longer works" message in full (without JavaScript too, which notFound() did not), and
 * answers 404 for a link never sent, 410 Gone for one used, expired or outdated
 * (lib/contacts/link-state.ts). Reading the link uses nothing up.
 */
async function pageStatus(request: NextRequest, path: string): Promise<number> {
  if (request.method !== "GET" && request.method !== "HEAD") return 200;
  const confirmation = CONFIRMATION_PAGE.exec(path);
  if (!confirmation) return 200;
  let token: string;
  try {
    token = decodeURIComponent(confirmation[1]!);
  } catch {
    return 404;
  }
  const answered = request.nextUrl.searchParams.get("answered");
  return confirmationPageStatus(await confirmationLinkState(token), answered === "confirmed" || answered === "declined");
}

/**
 * The request's address with another path, on this site whatever the path: "/en//evil.example"
 * must not become a protocol-relative address of another site.
 */
function onThisSite(request: NextRequest, path: string): URL {
  const url = request.nextUrl.clone();
  url.pathname = path;
  return url;
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

function withSecurityHeaders(response: NextResponse, csp: string, https: boolean, secretAddress = false): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders({ https, secretAddress }))) response.headers.set(name, value);
  return response;
}

function plain(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Whether every percent-escape of the path decodes (UTF-8); a NUL is never part of an address of ours. */
function decodablePath(pathname: string): boolean {
  try {
    return !decodeURIComponent(pathname).includes("\u0000");
  } catch {
    return false;
  }
}

/**
 * A NextAuth route given a ?callbackUrl= that is not already a path on this site: where to send
 * it instead (its path and query, with the path the sign-in page would use: safeReturnPath), or
 * null. NextAuth answers a value it cannot parse as a URL with a 500.
 */
function withSafeCallbackUrl(url: URL): string | null {
  if (!url.pathname.startsWith("/api/auth/")) return null;
  const given = url.searchParams.getAll("callbackUrl");
  if (given.length === 0) return null;
  const safe = safeReturnPath(given.length === 1 ? given[0] : undefined, url.origin);
  if (given.length === 1 && given[0] === safe) return null;
  const query = new URLSearchParams(url.searchParams);
  query.set("callbackUrl", safe);
  return `${url.pathname}?${query.toString()}`;
}

// Not "Upload a document" (/documents/upload): Next.js copies a body the proxy may read into
// memory and cuts it at 10 MB; that route checks the origin and streams its body itself (decision 021).
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|documents/upload$).*)" }],
};
