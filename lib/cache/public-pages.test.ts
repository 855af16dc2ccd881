import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bodyWithNonce, keepPage, placeholderNonce, publicPageKey } from "./public-pages";

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
