import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bodyWithNonce, cachedPublicPage, isInternalRender, keepPage, placeholderNonce, publicPageKey } from "./public-pages";
import { markChanged, setWatching } from "./signal";

function request(path: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}) {
  return { method, url: new URL(path, "http://localhost:3000"), headers: new Headers(headers) };
}

describe("publicPageKey", () => {
  beforeEach(() => {
    vi.stubEnv("APP_URL", "");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("keys anonymous visits to the public pages and open data by the configured origin, path and query", () => {
    expect(publicPageKey(request("/partners?page=2&q=kiel"))).toBe("http://localhost:3000/partners?page=2&q=kiel");
    expect(publicPageKey(request("/partners/kiel", { method: "HEAD" }))).toBe("http://localhost:3000/partners/kiel");
    vi.stubEnv("APP_URL", "https://twinning.example.gov.uk");
    expect(publicPageKey(request("/open-data/partners.json"))).toBe("https://twinning.example.gov.uk/open-data/partners.json");
  });

  it("keys the public record's pages and files too (issue 24): What's on, the statements, the calendar files", () => {
    for (const path of ["/whats-on", "/whats-on?partner=kiel&page=2", "/whats-on/past", "/whats-on/3f2504e0-4f89-11d3-9a0c-0305e82c3301.ics", "/cy/whats-on", "/accessibility", "/fr/privacy", "/partners/kiel/events.ics", "/open-data/twinning-costs.csv"]) {
      expect(publicPageKey(request(path)), path).toBe(`http://localhost:3000${path}`);
    }
    for (const path of ["/whats-on/a/b", "/partners/kiel/events.json", "/accessibility/x"]) expect(publicPageKey(request(path)), path).toBeNull();
  });

  it("keeps each language of a public page apart, and no page in a language it is not offered in", () => {
    expect(publicPageKey(request("/cy/partners"))).toBe("http://localhost:3000/cy/partners");
    expect(publicPageKey(request("/de/partners/kiel"))).toBe("http://localhost:3000/de/partners/kiel");
    expect(publicPageKey(request("/partners"))).not.toBe(publicPageKey(request("/cy/partners")));
    expect(publicPageKey(request("/en/partners"))).toBeNull();
    expect(publicPageKey(request("/cy/dashboard"))).toBeNull();
  });

  it("takes no origin from the request: forged or malformed forwarding headers neither change the key nor throw", () => {
    // X-Forwarded-Host: [ made the cache's render throw and switched the cache off for everyone for 30 s.
    const forgeries: Record<string, string>[] = [{ "x-forwarded-host": "[" }, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }, { host: "evil.example" }];
    for (const forwarded of forgeries) {
      expect(publicPageKey(request("/partners", { headers: forwarded })), JSON.stringify(forwarded)).toBe("http://localhost:3000/partners");
    }
  });

  it("stays out when no public address is configured (links would follow each request's host)", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    expect(publicPageKey(request("/partners"))).toBeNull();
  });

  it("leaves signed-in visitors, client navigations, other methods and other pages to Next.js", () => {
    expect(publicPageKey(request("/partners", { headers: { cookie: "theme=dark; next-auth.session-token=abc" } }))).toBeNull();
    expect(publicPageKey(request("/partners", { headers: { cookie: "__Secure-next-auth.session-token=abc" } }))).toBeNull();
    expect(publicPageKey(request("/partners", { headers: { cookie: "__Host-next-auth.session-token=abc" } }))).toBeNull();
    expect(publicPageKey(request("/partners", { headers: { authorization: "Bearer x" } }))).toBeNull();
    expect(publicPageKey(request("/partners", { headers: { rsc: "1" } }))).toBeNull();
    expect(publicPageKey(request("/partners?_rsc=1x2y"))).toBeNull();
    expect(publicPageKey(request("/partners", { method: "POST" }))).toBeNull();
    for (const path of ["/", "/login", "/agreements", "/partners/kiel/more", "/open-data/x/y", `/partners?q=${"a".repeat(3000)}`]) {
      expect(publicPageKey(request(path)), path).toBeNull();
    }
  });

  it("serves a visitor who only has other cookies", () => {
    expect(publicPageKey(request("/partners", { headers: { cookie: "next-auth.csrf-token=abc; next-auth.callback-url=x" } }))).not.toBeNull();
  });
});

describe("keepPage and bodyWithNonce", () => {
  const ok = (headers: Record<string, string> = {}) => ({ status: 200, headers: new Headers({ "content-type": "text/html; charset=utf-8", ...headers }) });

  it("puts each visitor's nonce where the render had the placeholder, and nowhere else", () => {
    const placeholder = placeholderNonce();
    const body = `<script nonce="${placeholder}">1</script><p>Łódź nonce</p><script nonce="${placeholder}">2</script>`;
    const page = keepPage("test-key-1", ok({ "content-security-policy": `script-src 'nonce-${placeholder}'`, date: "x" }), body)!;
    expect(Buffer.from(bodyWithNonce(page, "first")).toString()).toBe(`<script nonce="first">1</script><p>Łódź nonce</p><script nonce="first">2</script>`);
    expect(Buffer.from(bodyWithNonce(page, "second")).toString()).not.toContain(placeholder);
    // Per-response headers are set afresh by the proxy, never replayed.
    expect(page.headers.map(([name]) => name)).toEqual(["content-type"]);
  });

  it("keeps only a plain 200 without cookies", () => {
    expect(keepPage("test-key-2", { status: 404, headers: new Headers() }, "not found")).toBeNull();
    expect(keepPage("test-key-3", ok({ "set-cookie": "a=b" }), "x")).toBeNull();
    expect(keepPage("test-key-4", ok({ "content-encoding": "gzip" }), "x")).toBeNull();
    expect(keepPage("test-key-5", ok(), "{}")).not.toBeNull();
  });
});

describe("cachedPublicPage", () => {
  /** The server's answers to its own internal renders, by path: a page, or a failure. */
  let renders: Map<string, "fails" | string>;
  let rendered: { path: string; headers: Headers }[];

  beforeEach(() => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("APP_URL", "https://twinning.example.gov.uk");
    setWatching(true, undefined);
    // A fresh version: nothing cached by another test.
    markChanged();
    renders = new Map();
    rendered = [];
    vi.stubGlobal("fetch", async (url: URL, init: { headers: Record<string, string> }) => {
      const headers = new Headers(init.headers);
      rendered.push({ path: `${url.pathname}${url.search}`, headers });
      const answer = renders.get(url.pathname);
      if (!answer || answer === "fails") throw new Error("connect ECONNREFUSED");
      return new Response(answer, { status: 200, headers: { "content-type": "text/html; charset=utf-8" } });
    });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
    setWatching(false, undefined);
  });

  it("renders a page once for every visitor, and again after the data changed", async () => {
    renders.set("/partners", "<p>listing</p>");
    expect(await cachedPublicPage(request("/partners"))).toMatchObject({ hit: false });
    expect(await cachedPublicPage(request("/partners"))).toMatchObject({ hit: true });
    expect(rendered).toHaveLength(1);
    expect(isInternalRender(rendered[0]!.headers)).toBe(true);
    markChanged(["activity"]);
    expect(await cachedPublicPage(request("/partners"))).toMatchObject({ hit: false });
    expect(rendered).toHaveLength(2);
  });

  it("renders a page that moves with the clock (What's on, a partner page) again each minute, the others only when the data changes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-03-01T12:00:10Z") });
    try {
      renders.set("/whats-on", "<p>what's on</p>");
      renders.set("/open-data", "<p>open data</p>");
      for (const path of ["/whats-on", "/open-data"]) expect(await cachedPublicPage(request(path)), path).toMatchObject({ hit: false });
      vi.setSystemTime(new Date("2027-03-01T12:00:50Z"));
      for (const path of ["/whats-on", "/open-data"]) expect(await cachedPublicPage(request(path)), path).toMatchObject({ hit: true });
      vi.setSystemTime(new Date("2027-03-01T12:01:00Z"));
      expect(await cachedPublicPage(request("/whats-on"))).toMatchObject({ hit: false });
      expect(await cachedPublicPage(request("/open-data"))).toMatchObject({ hit: true });
      expect(rendered.map((render) => render.path)).toEqual(["/whats-on", "/open-data", "/whats-on"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a render that fails leaves only that page uncached: the others are rendered and kept", async () => {
    // A failed render used to switch the cache off for every page for 30 s.
    renders.set("/partners/broken", "fails");
    renders.set("/partners", "<p>listing</p>");
    expect(await cachedPublicPage(request("/partners/broken"))).toBeNull();
    expect(await cachedPublicPage(request("/partners"))).toMatchObject({ hit: false });
    expect(await cachedPublicPage(request("/partners"))).toMatchObject({ hit: true });
    // The failed page is not tried again at once.
    expect(await cachedPublicPage(request("/partners/broken"))).toBeNull();
    expect(rendered.map((render) => render.path)).toEqual(["/partners/broken", "/partners"]);
  });

  it("a request with a malformed X-Forwarded-Host is served like any other and changes nothing for the next visitor", async () => {
    renders.set("/partners", "<p>listing</p>");
    const hostile = await cachedPublicPage(request("/partners", { headers: { "x-forwarded-host": "[", "x-forwarded-proto": "gopher" } }));
    expect(hostile).toMatchObject({ hit: false });
    // Its headers never reach the render: only the internal key and the encoding.
    expect([...rendered[0]!.headers.keys()].sort()).toEqual(["accept-encoding", "x-twinning-render"]);
    expect(await cachedPublicPage(request("/partners"))).toMatchObject({ hit: true });
    expect(rendered).toHaveLength(1);
  });

  it("keeps nothing until this process watches the database for changes", async () => {
    setWatching(false, undefined);
    renders.set("/partners", "<p>listing</p>");
    expect(await cachedPublicPage(request("/partners"))).toBeNull();
    expect(rendered).toHaveLength(0);
  });
});
