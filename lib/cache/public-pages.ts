import { randomBytes } from "node:crypto";
import { RENDER_KEY_ENV } from "@/lib/config/cluster";
import { pageCacheMegabytesSchema } from "@/lib/config/env";
import { splitLocalePath } from "@/lib/i18n/locales";
import { configuredOrigin } from "@/lib/web/request-context";
import { BoundedMap } from "./bounded-map";
import { processState } from "./process-state";
import { isWatching, settledVersion, TOPICS } from "./signal";

// The public pages as an anonymous visitor sees them, kept rendered per version of the data.
//
// Why: the CSP nonce (proxy.ts) makes every page render per request, and rendering the listing
// costs far more than sending it. So proxy.ts answers an anonymous GET of a public page from
// here: the page is rendered once per data version — by a request of the server to itself, with
// a per-process placeholder for the nonce — and each visitor gets that HTML with a fresh nonce of
// their own in the placeholder's place. The placeholder never leaves the server: only the
// internal render, which carries a per-process secret, is given it.
//
// The version is the change signal's (signal.ts): a page is rendered again once anything it shows
// has changed, in any process or server (or in psql), as soon as the listing's own data would
// be. A render that fails leaves that page alone uncached for a while, never the others.
// Signed-in visitors (their name is in the header), client navigations (RSC requests) and
// anything that is not a 200 without cookies go through to Next.js as before.

/** Pages and files anyone may see and that look the same to every anonymous visitor (without the language prefix: each language is a page of its own). */
const PUBLIC_PAGE = /^\/(?:partners(?:\/[^/]+(?:\/events\.ics)?)?|open-data(?:\/[^/]+)?|whats-on(?:\/[^/]+)?|decisions(?:\/[^/]+)?|annual-report(?:\/[^/]+)?|accessibility|privacy)$/;
/**
 * Pages that change with the clock as well as the data: what is upcoming and what is past
 * (/whats-on, a partner's events). Their key carries the minute, so an event moves to the past
 * within a minute of its end: at most one render per page a minute (decision 011).
 */
const CLOCK_PAGE = /^\/(?:partners\/[^/]+|whats-on(?:\/past)?)$/;
const CLOCK_STEP_MS = 60_000;
/** Requests of the Next.js client router: they ask for the page's RSC payload, not its HTML. */
const CLIENT_ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];
const MAX_URL_LENGTH = 2048;
/** Rendered pages kept per process, newest last (the listing at scale is about 250 KB a page); checked at start by lib/config/env.ts. */
const MAX_BYTES = pageCacheMegabytesSchema.parse(process.env.PUBLIC_PAGE_CACHE_MB) * 2 ** 20;
/** After a failed internal render, that page goes through uncached for this long before the next try. */
const RETRY_AFTER_MS = 30_000;
/** Pages whose render failed, remembered for RETRY_AFTER_MS; beyond this many, the oldest are tried again. */
const MAX_FAILED_PAGES = 1000;
const RENDER_TIMEOUT_MS = 60_000;
const INTERNAL_HEADER = "x-twinning-render";
/** Headers of the rendered page that are per response: the proxy sets them afresh. */
const PER_RESPONSE_HEADERS = new Set(["content-security-policy", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "etag", "x-cache"]);

type CachedPage = {
  headers: [string, string][];
  /** The body, encoded, split at the nonce placeholder: joined with the visitor's own nonce. */
  parts: Buffer[];
  bytes: number;
};

type State = {
  secret: string;
  placeholder: string;
  cachedVersion?: number;
  pages: Map<string, CachedPage>;
  bytes: number;
  rendering: Map<string, Promise<CachedPage | null>>;
  /** When each page's last render failed, by its key without the version. */
  failedAt: BoundedMap<string, number>;
};

// proxy.ts checks the internal render's secret that the page's render was given: one state per process.
const state = processState<State>("public-pages", () => ({ ...renderKey(), pages: new Map(), bytes: 0, rendering: new Map(), failedAt: new BoundedMap(MAX_FAILED_PAGES) }));

/**
 * The internal render's secret and nonce placeholder: this process's own, or, under `npm start`
 * with several processes, theirs in common (RENDER_KEY_ENV): the server asking itself for a page
 * may be answered by another of its processes.
 */
function renderKey(): { secret: string; placeholder: string } {
  const key = process.env[RENDER_KEY_ENV];
  const bytes = key && key.length >= 56 ? Buffer.from(key, "base64url") : randomBytes(42);
  return { secret: bytes.subarray(0, 24).toString("base64url"), placeholder: bytes.subarray(24, 42).toString("base64") };
}

/** The request is this server rendering a public page for the cache: its nonce is the placeholder. */
export function isInternalRender(headers: Pick<Headers, "get">): boolean {
  return headers.get(INTERNAL_HEADER) === state.secret;
}

/** The nonce the internal render puts where each visitor's own nonce goes. */
export function placeholderNonce(): string {
  return state.placeholder;
}

type CacheableRequest = { method: string; url: URL; headers: Pick<Headers, "get" | "has"> };

/**
 * The cache key of a request the cache may answer: an anonymous GET or HEAD of a public page,
 * not from the client router. Null for everything else. Open data carries absolute links, made
 * from the configured public address (lib/web/request-context.ts): with none configured (APP_URL,
 * NEXTAUTH_URL), links follow each request's host, so no page is shared and the cache stays out.
 */
export function publicPageKey({ method, url, headers }: CacheableRequest): string | null {
  const origin = configuredOrigin();
  if (!origin || (method !== "GET" && method !== "HEAD")) return null;
  const { path, served } = splitLocalePath(url.pathname);
  if (!served || !PUBLIC_PAGE.test(path) || url.href.length > MAX_URL_LENGTH || url.searchParams.has("_rsc")) return null;
  if (CLIENT_ROUTER_HEADERS.some((name) => headers.has(name))) return null;
  if (headers.has("authorization") || /(?:^|;\s*)(?:__Host-|__Secure-)?next-auth\.session-token/.test(headers.get("cookie") ?? "")) return null;
  return `${origin}${url.pathname}${url.search}`;
}

/** The minute, for a page that changes with the clock; "" for the others. */
function clockOf(url: URL): string {
  return CLOCK_PAGE.test(splitLocalePath(url.pathname).path) ? `@${Math.floor(Date.now() / CLOCK_STEP_MS)}\n` : "";
}

/**
 * The cached page for this request, rendering it first if this version has not been rendered
 * yet (concurrent requests for one page share one render). Null when the request is not one the
 * cache answers or the page could not be cached: the caller renders it as usual.
 */
export async function cachedPublicPage(request: CacheableRequest): Promise<{ page: CachedPage; hit: boolean } | null> {
  // Until this process's first read of the data starts the change signal, nothing is kept.
  if (process.env.NODE_ENV !== "production" || !isWatching()) return null;
  const key = publicPageKey(request);
  if (!key) return null;
  const version = await settledVersion(TOPICS);
  if (version !== state.cachedVersion) {
    state.pages.clear();
    state.bytes = 0;
    state.cachedVersion = version;
  }
  const versionedKey = `${version}\n${clockOf(request.url)}${key}`;
  const page = state.pages.get(versionedKey);
  if (page) {
    // Newest last: the oldest entry is the first to go when the cache is full.
    state.pages.delete(versionedKey);
    state.pages.set(versionedKey, page);
    return { page, hit: true };
  }
  const failedAt = state.failedAt.get(key);
  if (failedAt !== undefined && Date.now() - failedAt < RETRY_AFTER_MS) return null;
  let rendering = state.rendering.get(versionedKey);
  if (!rendering) {
    rendering = renderForCache(request, key, versionedKey, version).finally(() => state.rendering.delete(versionedKey));
    state.rendering.set(versionedKey, rendering);
  }
  const rendered = await rendering;
  return rendered ? { page: rendered, hit: false } : null;
}

/** The page's body with this response's nonce in place of the placeholder. */
export function bodyWithNonce(page: CachedPage, nonce: string): Uint8Array<ArrayBuffer> {
  const separator = Buffer.from(nonce);
  const body = page.parts.length === 1 ? page.parts[0]! : Buffer.concat(page.parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part])));
  // Buffers made by Buffer.from and Buffer.concat sit on an ArrayBuffer, never a shared one.
  return body as Uint8Array<ArrayBuffer>;
}

/** A rendered page fit to serve from the cache (a 200 without cookies), kept if `store` and it fits; the oldest pages make room. */
export function keepPage(key: string, response: { status: number; headers: Headers }, body: string, { store = true } = {}): CachedPage | null {
  if (response.status !== 200 || response.headers.has("set-cookie")) return null;
  const encoding = response.headers.get("content-encoding");
  if (encoding && encoding !== "identity") return null;
  // Next.js's own routing headers (x-middleware-rewrite on a page in another language) describe
  // the internal render's request: sent again from the proxy they would route this one.
  const headers = [...response.headers].filter(([name]) => !PER_RESPONSE_HEADERS.has(name.toLowerCase()) && !/^x-(?:middleware|nextjs)-/i.test(name));
  const parts = body.split(state.placeholder).map((part) => Buffer.from(part));
  const page: CachedPage = { headers, parts, bytes: parts.reduce((sum, part) => sum + part.length, 0) };
  if (!store || page.bytes > MAX_BYTES / 4) return page;
  state.pages.set(key, page);
  state.bytes += page.bytes;
  for (const [oldKey, old] of state.pages) {
    if (state.bytes <= MAX_BYTES) break;
    state.pages.delete(oldKey);
    state.bytes -= old.bytes;
  }
  return page;
}

/** Renders the page by asking this server for it, as the visitor would, with the internal header. */
async function renderForCache(request: CacheableRequest, key: string, versionedKey: string, version: number): Promise<CachedPage | null> {
  try {
    const response = await fetch(new URL(`${request.url.pathname}${request.url.search}`, selfOrigin()), {
      headers: {
        [INTERNAL_HEADER]: state.secret,
        "accept-encoding": "identity",
      },
      redirect: "manual",
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
    });
    const body = await response.text();
    state.failedAt.delete(key);
    // A render that finishes after the data changed serves its waiting visitors, and is not kept.
    return keepPage(versionedKey, response, body, { store: version === state.cachedVersion });
  } catch (error) {
    state.failedAt.set(key, Date.now());
    console.warn(`${request.url.pathname} is served uncached for ${RETRY_AFTER_MS / 1000} s: rendering it for the cache failed (${error instanceof Error ? error.message : String(error)}).`);
    return null;
  }
}

/** Where this server listens: `next start` records its own address before it starts serving. */
function selfOrigin(): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`;
}
