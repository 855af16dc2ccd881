// Bad input over HTTP, the layer the Vitest bad-input suite cannot reach (tests/integration/
// bad-input.test.ts calls the actions themselves): malformed server-action requests (a body that
// is not what a browser sends, an action id that does not exist, a body over the 128 KB limit), a
// form posted from another site, hostile return addresses after sign-in, and hostile values in
// every page segment and query parameter. Each must be answered with a 4xx, a redirect or the
// value ignored, never a 500, and must change nothing a signed-in user can see.
import type { APIRequestContext } from "@playwright/test";
import { can, ROUTE_ACCESS } from "../lib/domain/permissions";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, signInAs, test } from "./fixtures";
import { isKnownRoute, pageRoutes, routeHandlerRoutes } from "./routes";
import { loadServerActions, serverAction } from "./server-actions";

const ACTIONS = loadServerActions();
const CREATE = serverAction(ACTIONS, "app/agreements/new/actions.ts#createAgreementAction");
/** In every name the posts carry: an agreement saved by one of them would be found by it (other journeys add agreements meanwhile). */
const MARKER = `Malformed post ${Date.now().toString(36)}`;
const FIVE_MB = `${MARKER} ${"x".repeat(5 * 1024 * 1024)}`;

type Post = { label: string; actionId: string; contentType: string; body: string | Buffer };

const MALFORMED: Post[] = [
  { label: "a body that is not the action's encoding", actionId: CREATE.id, contentType: "text/plain;charset=UTF-8", body: "\u0000\u0001garbage{[" },
  { label: "JSON that is not an argument list", actionId: CREATE.id, contentType: "text/plain;charset=UTF-8", body: JSON.stringify({ partnerName: MARKER }) },
  { label: "a multipart body with a broken boundary", actionId: CREATE.id, contentType: "multipart/form-data; boundary=----nope", body: "------other\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n" },
  { label: "an unknown content type", actionId: CREATE.id, contentType: "application/x-evil", body: "<xml/>" },
  { label: "an action id that does not exist", actionId: "7f".padEnd(42, "0"), contentType: "text/plain;charset=UTF-8", body: JSON.stringify([{ status: "idle" }, {}]) },
  { label: "an action id that is not an id", actionId: "<script>alert(1)</script>", contentType: "text/plain;charset=UTF-8", body: JSON.stringify([{ status: "idle" }, {}]) },
  { label: "a body over the limit (5 MB)", actionId: CREATE.id, contentType: "text/plain;charset=UTF-8", body: JSON.stringify([{ status: "idle" }, { partnerName: FIVE_MB }]) },
  {
    label: "a form over the limit (5 MB)",
    actionId: CREATE.id,
    contentType: "multipart/form-data; boundary=----b",
    body: `------b\r\nContent-Disposition: form-data; name="partnerName"\r\n\r\n${FIVE_MB}\r\n------b--\r\n`,
  },
];

async function post(request: APIRequestContext, { actionId, contentType, body }: Post) {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const response = await request.post(CREATE.page, {
    headers: { "Next-Action": actionId, Origin: origin, "Content-Type": contentType, Accept: "text/x-component" },
    data: body,
    maxRedirects: 0,
    timeout: 60_000,
  });
  return { status: response.status(), body: await response.text() };
}

test("malformed server-action posts are answered with a 4xx, never a 500, and save nothing", async ({ page }) => {
  test.setTimeout(180_000);
  const saved = `/agreements?q=${encodeURIComponent(MARKER)}`;
  await signInAs(page, "STAFF", { callbackUrl: saved });
  const before = await page.getByRole("main").innerText();
  for (const malformed of MALFORMED) {
    const { status, body } = await post(page.request, malformed);
    expect(status, `${malformed.label}: ${body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(status, `${malformed.label}: ${body.slice(0, 200)}`).toBeLessThan(500);
  }
  await page.goto(saved);
  expect(await page.getByRole("main").innerText()).toBe(before);
});

// ---------------------------------------------------------------------------------------------
// Page segments and query strings: every dynamic segment and every query parameter of every page
// and route handler in app/, with hostile values, anonymous and signed in as each role that may
// open the page. A 4xx, a redirect or the page ignoring the value are all fine; a 5xx is not.

type Visitor = "anonymous" | "STAFF" | "COUNCILLOR" | "ADMIN";

/**
 * The query parameters each page and route handler reads (its searchParams, and the parse
 * functions it hands them to in lib/data). Every route in app/ must be listed: a new page fails
 * the suite until its parameters are.
 */
const QUERY_PARAMETERS: Record<string, readonly string[]> = {
  "/": [],
  "/account": [],
  "/admin/audit": ["user", "action", "from", "to", "page"],
  "/admin/outbox": ["status", "page"],
  "/admin/settings": [],
  "/admin/users": [],
  "/admin/users/[id]": ["done"],
  "/admin/users/[id]/erase": [],
  "/agreements": ["q", "status", "type", "country", "sort", "dormant", "page"],
  "/agreements/[id]": ["action", "done", "contact", "partner", "documentProblem", "documentDraft"],
  "/agreements/[id]/edit": [],
  "/agreements/[id]/correct": [],
  "/agreements/new": [],
  "/approvals": ["done", "confirm", "decision"],
  "/dashboard": [],
  "/events": ["q", "agreement", "kind", "from", "to", "visibility", "page", "done"],
  "/events/[id]/edit": [],
  "/events/new": ["agreement"],
  "/exchanges": ["q", "agreement", "kind", "from", "to", "visibility", "page", "done"],
  "/exchanges/[id]/edit": [],
  "/exchanges/new": ["agreement"],
  "/import": ["upload", "busy"],
  "/login": ["callbackUrl", "done"],
  "/open-data": [],
  "/reports/[year]": ["done"],
  "/annual-report": [],
  "/annual-report/[year]": [],
  "/whats-on": ["partner", "page"],
  "/whats-on/past": ["partner", "page"],
  "/accessibility": [],
  "/privacy": [],
  "/decisions": ["page"],
  "/decisions/[id]": [],
  "/partners": ["q", "country", "type", "page", "formerPage"],
  "/partners/[slug]": [],
  "/password-reset": [],
  "/password-reset/[token]": [],
  "/admin/people": ["email", "done"],
  "/confirm/[token]": ["answered"],
  // Route handlers.
  "/.well-known/security.txt": [],
  "/.well-known/twinning.json": [],
  "/admin/audit/export": ["user", "action", "from", "to"],
  "/agreements/[id]/history.json": [],
  "/reports/[year]/report.docx": [],
  "/annual-report/[year]/report.docx": [],
  "/agreements/export": ["format", "q", "status", "type", "country", "sort", "dormant"],
  "/exchanges/export": ["format", "q", "agreement", "kind", "from", "to", "visibility"],
  "/events/export": ["format", "q", "agreement", "kind", "from", "to", "visibility"],
  "/admin/users/[id]/export": [],
  "/admin/people/export": ["email"],
  "/api/auth/[...nextauth]": ["callbackUrl", "error"],
  "/documents/[id]": [],
  "/documents/upload": ["agreement", "language"],
  "/healthz": [],
  "/import/confirm": [],
  "/import/template.csv": [],
  "/import/upload": [],
  "/open-data/decisions.atom": [],
  "/open-data/events.ics": [],
  "/open-data/partner-translations.csv": [],
  "/open-data/partners.csv": [],
  "/open-data/partners.geojson": [],
  "/open-data/partners.json": [],
  "/open-data/partners.schema.json": [],
  "/open-data/twinning-links.csv": [],
  "/open-data/twinning-links.json": [],
  "/open-data/twinning-links.schema.json": [],
  "/open-data/twinning-costs.csv": [],
  "/partners/[slug]/events.ics": [],
  "/whats-on/[file]": [],
  "/readyz": [],
};

/** Parameters no route reads, and names every object inherits: a route must ignore them. */
const UNKNOWN_PARAMETERS = ["x", "constructor", "__proto__", "toString", "hasOwnProperty"];

/** Hostile values by class, already percent-encoded as they go on the wire. */
const HOSTILE: Record<string, readonly string[]> = {
  "malformed escape (%ff)": ["%ff", "a%ffb", "%c0%af", "%E3%80"],
  "NUL (%00)": ["%00", "a%00b"],
  "very long": ["x".repeat(5000), "%E3%80%80".repeat(500)],
  "inherited name (constructor, __proto__)": ["constructor", "__proto__", "toString", "hasOwnProperty"],
  "path traversal (../)": ["..", "../", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f", "..%5c"],
  "unicode": ["%E3%80%80", "%E5%8F%8B%E5%A5%BD%E5%9F%8E%E5%B8%82", "%F0%9F%92%A9", "%E2%80%AE", "%EF%BB%BF"],
  "look-alike id or number": ["------------------------------------", "00000000-0000-0000-0000-000000000000", "-1", "1e309", "99999999999999999999"],
  "markup or header injection": ["%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%0d%0aSet-Cookie:%20a%3Db"],
};

/**
 * Every query parameter a route reads gets one or two values of each class: they all reach the
 * same parse functions. A route that reads none gets them in a parameter no route reads; one that
 * reads some, the repeated and empty ones there too (the values of each class reach its query
 * string through the parameters it reads). Every dynamic segment gets two values of each class.
 * (All values in all parameters, for every role, was 9,500 requests and ten minutes; every value
 * in every segment and every class in the unread parameter too, 4,500 and a third of the run.)
 */
const QUERY_HOSTILE: Record<string, readonly string[]> = firstOfEachClass((valueClass) => (valueClass.startsWith("inherited") ? 2 : 1));
const SEGMENT_HOSTILE: Record<string, readonly string[]> = firstOfEachClass(() => 2);

function firstOfEachClass(count: (valueClass: string) => number): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(HOSTILE).map(([valueClass, values]) => [valueClass, values.slice(0, count(valueClass))]));
}

/** The requests of one sweep, each with the class it counts under. */
type Probe = { url: string; kind: "segment" | "query"; valueClass: string };

/**
 * Who sweeps a route: anonymous (who is refused or sent to sign in before any parsing, or reads a
 * public page), and signed in, the first role that may open it — staff for the office's pages,
 * a councillor for approvals, an admin for administration. Route handlers check for themselves:
 * anonymous and staff.
 */
function visitorsOf(route: string): Visitor[] {
  const access = isKnownRoute(route) ? ROUTE_ACCESS[route] : "handler";
  // A public page signed in is the same page under another header.
  if (access === "public") return ["anonymous"];
  if (access === "handler") return ["anonymous", "STAFF"];
  const role = (["STAFF", "COUNCILLOR", "ADMIN"] as const).find((candidate) => can({ role: candidate }, access));
  return role ? ["anonymous", role] : ["anonymous"];
}

/** Real values for the dynamic segments, found in the lists this visitor can see (a nil UUID where none can be). */
type Segments = { agreement: string; event: string; exchange: string; user: string; slug: string };

async function realSegments(request: APIRequestContext, routes: readonly string[]): Promise<Segments> {
  // Only the lists whose dynamic pages this visitor sweeps: a value no route uses is never filled in.
  const find = async (list: string, pattern: RegExp) => {
    if (!routes.some((route) => route.startsWith(`${list}/[`))) return null;
    const response = await request.get(list, { maxRedirects: 0 });
    return response.ok() ? (pattern.exec(await response.text())?.[1] ?? null) : null;
  };
  const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  const nil = "00000000-0000-0000-0000-000000000000";
  return {
    agreement: (await find("/agreements", new RegExp(`href="/agreements/(${UUID})"`))) ?? nil,
    event: (await find("/events", new RegExp(`href="/events/(${UUID})/edit"`))) ?? nil,
    exchange: (await find("/exchanges", new RegExp(`href="/exchanges/(${UUID})/edit"`))) ?? nil,
    user: (await find("/admin/users", new RegExp(`href="/admin/users/(${UUID})"`))) ?? nil,
    slug: (await find("/partners", /href="\/partners\/([a-z0-9-]+)"/)) ?? "kiel",
  };
}

/** The route with its dynamic segments filled in; `hostile` replaces the one at `index`. */
function fill(route: string, real: Segments, hostile?: { index: number; value: string }): string {
  let at = -1;
  return route.replace(/\[(\.\.\.)?(\w+)\]/g, (_match, _rest, name: string, offset: number) => {
    at += 1;
    if (hostile && hostile.index === at) return hostile.value;
    if (name === "slug") return real.slug;
    if (name === "nextauth") return "signin";
    const owner = route.slice(0, offset);
    return owner.startsWith("/admin/users") ? real.user : owner.startsWith("/events") ? real.event : owner.startsWith("/exchanges") ? real.exchange : real.agreement;
  });
}

/** Where a route's query parameters are tried: the route itself, or NextAuth's pages that read them. */
function pathsOf(route: string, real: Segments): string[] {
  return route === "/api/auth/[...nextauth]" ? ["/api/auth/signin", "/api/auth/error"] : [fill(route, real)];
}

/**
 * The requests of `visitor`'s sweep of a route. An anonymous visitor is sent to sign in before a
 * staff, councillor or admin page reads anything, and the signed-in visitor who may open it sweeps
 * the page in full: for anonymous there, one value of each class in each segment and in one
 * parameter, the first the page reads (or one it does not, when it reads none).
 */
function probesOf(route: string, real: Segments, visitor: Visitor): Probe[] {
  const refusedFirst = visitor === "anonymous" && isKnownRoute(route) && ROUTE_ACCESS[route] !== "public";
  const segmentValues = refusedFirst ? QUERY_HOSTILE : SEGMENT_HOSTILE;
  const read = QUERY_PARAMETERS[route] ?? [];
  const swept = refusedFirst ? read.slice(0, 1) : read;
  const parameters = swept.length > 0 ? swept : [UNKNOWN_PARAMETERS[0]!];
  const repeated = [...parameters, ...(swept.length > 0 ? [UNKNOWN_PARAMETERS[0]!] : [])];
  const probes: Probe[] = [];
  const dynamic = route.match(/\[[^\]]+\]/g) ?? [];
  for (const [valueClass, values] of Object.entries(segmentValues)) {
    for (const value of values) {
      dynamic.forEach((_segment, index) => {
        probes.push({ url: fill(route, real, { index, value }), kind: "segment", valueClass });
        // NextAuth's catch-all: its action and its provider.
        if (route === "/api/auth/[...nextauth]") {
          for (const action of ["signin", "callback", "error"]) probes.push({ url: `/api/auth/${action}/${value}`, kind: "segment", valueClass });
        }
      });
      if (!QUERY_HOSTILE[valueClass]!.includes(value)) continue;
      for (const path of pathsOf(route, real)) {
        for (const name of parameters) probes.push({ url: `${path}?${name}=${value}`, kind: "query", valueClass });
      }
    }
  }
  for (const path of pathsOf(route, real)) {
    for (const name of repeated) {
      // Repeated (an array where a string is expected) and empty; inherited names as parameter names below.
      probes.push({ url: `${path}?${name}=a&${name}=b`, kind: "query", valueClass: "repeated or empty" });
      probes.push({ url: `${path}?${name}=&${name}`, kind: "query", valueClass: "repeated or empty" });
    }
    for (const name of UNKNOWN_PARAMETERS.slice(1)) probes.push({ url: `${path}?${name}=1&${name}[x]=1`, kind: "query", valueClass: "inherited name (constructor, __proto__)" });
  }
  return probes;
}

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const ROUTES = [...pageRoutes(), ...routeHandlerRoutes()];

test("every page and route handler lists the query parameters it reads (for the sweeps below)", () => {
  expect(ROUTES.filter((route) => !Object.hasOwn(QUERY_PARAMETERS, route)), "routes missing from QUERY_PARAMETERS in e2e/bad-input.spec.ts").toEqual([]);
});

/**
 * The sweeps run once per CI run, signed in on the embedded database and signed out on PostgreSQL
 * (playwright.config.ts): they test how the server parses addresses, which is the same code on both
 * back ends, and what the database makes of hostile ids and filters is tested on both by
 * tests/integration/hostile-reads.test.ts.
 */

/** About this many requests per test, so the sweeps share out between workers in small parts. */
const PART_SIZE = 400;

/** A visitor's routes in parts of about PART_SIZE requests each (counted with placeholder segments: the count does not depend on them). */
function partsOf(visitor: Visitor): string[][] {
  const placeholder: Segments = { agreement: "a", event: "e", exchange: "x", user: "u", slug: "s" };
  const parts: string[][] = [[]];
  let size = 0;
  for (const route of ROUTES.filter((candidate) => visitorsOf(candidate).includes(visitor))) {
    const probes = probesOf(route, placeholder, visitor).length;
    if (size > 0 && size + probes > PART_SIZE) {
      parts.push([]);
      size = 0;
    }
    parts.at(-1)!.push(route);
    size += probes;
  }
  return parts;
}

for (const visitor of ["anonymous", "STAFF", "COUNCILLOR", "ADMIN"] as const) {
  const parts = partsOf(visitor);
  parts.forEach((routes, index) => {
    const part = parts.length > 1 ? ` (part ${index + 1} of ${parts.length})` : "";
    test(`hostile page segments and query strings, ${visitor}${part}: no response ≥ 500`, { tag: visitor === "anonymous" ? "@sweep-signed-out" : "@sweep-signed-in" }, async ({ page, browserProblems }) => {
      test.setTimeout(300_000);
      // Refusals and "not found" are what these requests should get.
      browserProblems.allow(/^response 4\d\d /);
      if (visitor !== "anonymous") await signInAs(page, visitor);
      const real = await realSegments(page.request, routes);
      const probes = routes.flatMap((route) => probesOf(route, real, visitor));
      const counts = new Map<string, { requests: number; fiveHundreds: number }>();
      const failures: string[] = [];
      await inParallel(probes, 6, async (probe) => {
        const response = await page.request.get(probe.url, { maxRedirects: 0, timeout: 60_000 });
        const status = response.status();
        await response.dispose();
        const key = `${probe.kind} · ${probe.valueClass}`;
        const count = counts.get(key) ?? { requests: 0, fiveHundreds: 0 };
        count.requests += 1;
        if (status >= 500) {
          count.fiveHundreds += 1;
          failures.push(`${status} GET ${probe.url.slice(0, 200)}`);
        }
        counts.set(key, count);
      });
      const table = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `  ${key}: ${count.requests} requests, ${count.fiveHundreds} ≥ 500`);
      console.log(`[bad-input] ${visitor}${part}: ${probes.length} requests over ${routes.length} routes, ${failures.length} ≥ 500\n${table.join("\n")}`);
      // Still signed in: the sweep did not end the session (a sign-out link has no GET).
      if (visitor !== "anonymous") expect((await page.request.get("/dashboard", { maxRedirects: 0 })).status()).toBe(200);
      expect(failures).toEqual([]);
    });
  });
}

test("a form posted from another site without JavaScript is refused with 403, not a 500", async ({ page, browserProblems }) => {
  browserProblems.allow(/^response 403 POST /);
  const signInId = serverAction(ACTIONS, "app/login/actions.ts#signInAction").id;
  for (const [path, form] of [
    // The no-JavaScript encoding of React's form actions: the action's id in a field, no Next-Action header.
    ["/login", { [`$ACTION_ID_${signInId}`]: "", email: DEMO_ACCOUNTS.STAFF.email, password: DEMO_PASSWORD }],
    ["/login", { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: signInId, bound: "$@1" }), "$ACTION_1:1": '[{"status":"idle"}]', email: DEMO_ACCOUNTS.STAFF.email, password: DEMO_PASSWORD }],
    [CREATE.page, { [`$ACTION_ID_${CREATE.id}`]: "", partnerName: "Forged" }],
  ] as const) {
    const response = await page.request.post(path, { headers: { Origin: "https://evil.example" }, multipart: form, maxRedirects: 0 });
    expect(response.status(), `${path}: ${(await response.text()).slice(0, 200)}`).toBe(403);
    expect(response.headers()["set-cookie"], "no session from a forged sign-in").toBeUndefined();
  }
});

test.describe("signing in through a hostile return address", () => {
  // The client router follows the action's redirect: with JavaScript on, "/.//evil.example/login" went off-site.
  for (const callbackUrl of ["/.//evil.example/login", "/..//evil.example/login", "/%2e%2e//evil.example", "/\\evil.example", "https://evil.example/", "/\u3000/x"]) {
    test(`?callbackUrl=${callbackUrl} lands on this site`, async ({ page, browserProblems }) => {
      // A normalised path that is no page of ours (/%E3%80%80/x) is a 404 on this site: that is fine.
      browserProblems.allow(/^response 404 GET http:\/\/localhost:\d+\/%E3%80%80\/x(\?|$)/, /^console error: Failed to load resource: .* 404 .*\/%E3%80%80\/x/);
      const origin = new URL(test.info().project.use.baseURL!).origin;
      const offSite: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).origin !== origin) offSite.push(request.url());
      });
      const login = await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(login?.status()).toBe(200);
      await page.getByLabel("Email", { exact: true }).fill(DEMO_ACCOUNTS.STAFF.email);
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).not.toHaveURL(/\/login/);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(origin);
      expect(offSite).toEqual([]);
    });
  }
});
