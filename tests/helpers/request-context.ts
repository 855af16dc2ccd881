// Next.js's request context for integration tests that call server actions and route handlers
// directly. It is Next's own: the work store and the request store that a route handler or an
// action runs in (built with Next's factories), so `headers()`, `cookies()` and `connection()` —
// ours and NextAuth's `getServerSession` alike — read the request we give them. Nothing of ours
// (database, session checks, policy) is replaced. `next/cache` is the one module a test mocks
// (see nextCacheMock): revalidation needs Next's incremental cache, which only
// a running server has.
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// Next's server installs this global before it loads anything (node-environment); so do we.
(globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;

/** A cookie as the response sets it. */
export type SetCookie = { name: string; value: string; httpOnly?: boolean; secure?: boolean; sameSite?: string | boolean; maxAge?: number; path?: string };
type RequestStore = { mutableCookies: { getAll(): SetCookie[] } };
type NextInternals = {
  workAsyncStorage: { run<T>(store: unknown, callback: () => T): T };
  workUnitAsyncStorage: { run<T>(store: unknown, callback: () => T): T };
  createWorkStore(context: Record<string, unknown>): unknown;
  createRequestStoreForAPI(request: { headers: Headers }, url: { pathname: string; search: string }, implicitTags: unknown, onUpdateCookies: undefined, previewProps: undefined): RequestStore;
};

// The same CommonJS instances that `next/headers` and next-auth load, so they see our stores.
const next: NextInternals = {
  ...(require("next/dist/server/app-render/work-async-storage.external.js") as Pick<NextInternals, "workAsyncStorage">),
  ...(require("next/dist/server/app-render/work-unit-async-storage.external.js") as Pick<NextInternals, "workUnitAsyncStorage">),
  ...(require("next/dist/server/async-storage/work-store.js") as Pick<NextInternals, "createWorkStore">),
  ...(require("next/dist/server/async-storage/request-store.js") as Pick<NextInternals, "createRequestStoreForAPI">),
};

export type RequestOptions = {
  /** Cookies the browser sends (name → value). */
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  path?: string;
};

/**
 * Runs `callback` as Next runs a server action or a route handler: inside a request with these
 * cookies and headers. Returns what it returned and the cookies it set (e.g. a new session).
 */
export async function inRequest<T>(options: RequestOptions, callback: () => Promise<T>): Promise<{ value: T; setCookies: Record<string, string>; cookieAttributes: SetCookie[] }> {
  const headers = new Headers(options.headers);
  const cookie = Object.entries(options.cookies ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  if (cookie) headers.set("cookie", cookie);
  const url = new URL(options.path ?? "/", "http://localhost");
  const workStore = next.createWorkStore({
    page: url.pathname,
    renderOpts: { experimental: {}, cacheLifeProfiles: {} },
    isPrefetchRequest: false,
    buildId: "test",
    previouslyRevalidatedTags: [],
  });
  const implicitTags = { tags: [], expirationsByCacheKind: new Map(), revalidatedAt: 0 };
  // "action" phase, as for a server action or a route handler: cookies may be set.
  const requestStore = next.createRequestStoreForAPI({ headers }, { pathname: url.pathname, search: url.search }, implicitTags, undefined, undefined);
  const value = await next.workAsyncStorage.run(workStore, () => next.workUnitAsyncStorage.run(requestStore, callback));
  const cookieAttributes = requestStore.mutableCookies.getAll();
  const setCookies = Object.fromEntries(cookieAttributes.map((entry) => [entry.name, entry.value]));
  return { value, setCookies, cookieAttributes };
}

/** What the code under test asked `next/cache` to revalidate (reset by the test). */
export const revalidations: string[] = [];

/**
 * The `next/cache` module for `vi.mock("next/cache", () => nextCacheMock)`: revalidation is
 * recorded (the app keeps nothing in Next.js's data cache: lib/cache/README.md).
 */
export const nextCacheMock = {
  revalidatePath: (path: string, type?: string) => void revalidations.push(`path:${path}${type ? `:${type}` : ""}`),
  revalidateTag: (tag: string) => void revalidations.push(`tag:${tag}`),
};
