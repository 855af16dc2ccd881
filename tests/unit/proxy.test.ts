// The proxy's answers that need no server: cross-origin form posts refused with 403, an
// undecodable path with 400, NextAuth given a callbackUrl it cannot parse sent on with a safe one;
// HSTS from the configured public address, never from a request header.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { servedOverHttps } from "@/lib/web/request-context";
import { proxy } from "@/proxy";

const HSTS = "strict-transport-security";

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}): NextRequest {
  return new NextRequest(new URL(path, "http://localhost:3000"), { method: init.method ?? "GET", headers: { host: "localhost:3000", ...init.headers }, body: init.body });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("HSTS follows the configured public address (APP_URL, else NEXTAUTH_URL)", () => {
  it("reads the address, not the request", () => {
    expect(servedOverHttps({ NEXTAUTH_URL: "https://twinning.example.gov.uk" })).toBe(true);
    expect(servedOverHttps({ APP_URL: "https://twinning.example.gov.uk/", NEXTAUTH_URL: "http://localhost:3000" })).toBe(true);
    expect(servedOverHttps({ NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(servedOverHttps({})).toBe(false);
  });

  const FORWARDED: Record<string, string>[] = [{}, { "x-forwarded-proto": "https" }, { "x-forwarded-proto": "http" }, { "x-forwarded-proto": "https, http" }, { forwarded: "proto=https" }];
  const REQUESTS = (headers: Record<string, string>) => [
    request("/login", { headers }),
    request("/partners/%ff", { headers }),
    request("/login", { method: "POST", headers: { ...headers, origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }, body: "a=b" }),
  ];

  it("an https:// public address: HSTS on every response, whatever the request says", async () => {
    vi.stubEnv("APP_URL", "");
    vi.stubEnv("NEXTAUTH_URL", "https://twinning.example.gov.uk");
    for (const headers of FORWARDED) {
      for (const sent of REQUESTS(headers)) {
        const response = await proxy(sent);
        expect(response.headers.get(HSTS), `${sent.method} ${sent.nextUrl.pathname} ${JSON.stringify(headers)}`).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
        if (response.status === 200) expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
      }
    }
  });

  it("an http:// public address: no HSTS, even when the client says X-Forwarded-Proto: https", async () => {
    vi.stubEnv("APP_URL", "");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    for (const headers of FORWARDED) {
      for (const sent of REQUESTS(headers)) {
        const response = await proxy(sent);
        expect(response.headers.get(HSTS), `${sent.method} ${sent.nextUrl.pathname} ${JSON.stringify(headers)}`).toBeNull();
        expect(response.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
      }
    }
  });
});

describe("requests the proxy refuses itself (Next.js answers them with a 500)", () => {
  it("a form posted from another site, with or without JavaScript: 403", async () => {
    const form = new FormData();
    form.set("$ACTION_ID_0123456789abcdef0123456789abcdef01234567", "");
    form.set("email", "a@example.org");
    const posts = [
      request("/login", { method: "POST", headers: { origin: "https://evil.example" }, body: form }),
      request("/login", { method: "POST", headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }, body: "email=a" }),
      request("/agreements/new", { method: "POST", headers: { origin: "https://evil.example", "next-action": "00", "content-type": "text/plain;charset=UTF-8" }, body: "[]" }),
      request("/login", { method: "POST", headers: { origin: "null", "content-type": "text/plain" }, body: "x" }),
      request("/api/auth/callback/credentials", { method: "POST", headers: { origin: "http://localhost:3000.evil.example", "content-type": "application/x-www-form-urlencoded" }, body: "a=b" }),
    ];
    for (const post of posts) {
      const response = await proxy(post);
      expect(response.status, `${post.nextUrl.pathname} ${post.headers.get("origin")}`).toBe(403);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("a form posted from this site goes through", async () => {
    const response = await proxy(request("/login", { method: "POST", headers: { origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" }, body: "email=a" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("a NextAuth route given a callbackUrl that is not a path on this site: sent on with a safe one (NextAuth answers a 500)", async () => {
    for (const [given, safe] of [
      ["%ff", "%2Fdashboard"],
      ["constructor", "%2Fdashboard"],
      ["%E3%80%80", "%2Fdashboard"],
      ["%2F%E3%80%80%2Fx", "%2F%25E3%2580%2580%2Fx"],
      ["https%3A%2F%2Fevil.example%2F", "%2Fdashboard"],
      ["%2F.%2F%2Fevil.example", "%2Fdashboard"],
    ]) {
      const response = await proxy(request(`/api/auth/signin?callbackUrl=${given}&x=1`));
      expect(response.status, given).toBe(307);
      expect(response.headers.get("location"), given).toBe(`http://localhost:3000/api/auth/signin?callbackUrl=${safe}&x=1`);
    }
    const repeated = await proxy(request("/api/auth/error?callbackUrl=%2Fa&callbackUrl=%2Fb", { method: "POST", headers: { origin: "http://localhost:3000" } }));
    expect([repeated.status, repeated.headers.get("location")]).toEqual([307, "http://localhost:3000/api/auth/error?callbackUrl=%2Fdashboard"]);
    for (const path of ["/api/auth/signin?callbackUrl=%2Fagreements%3Fstatus%3DACTIVE", "/api/auth/session", "/login?callbackUrl=%ff"]) {
      expect((await proxy(request(path))).status, path).toBe(200);
    }
  });

  it("a path that does not decode, or holds a NUL: 400", async () => {
    for (const path of ["/partners/%ff", "/agreements/%ff", "/events/%c0%af/edit", "/partners/a%00b", "/%E3%80"]) {
      const response = await proxy(request(path));
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-security-policy")).toBeTruthy();
    }
  });

  it("a path that decodes goes through", async () => {
    for (const path of ["/login", "/partners/s%C3%A3o-tom%C3%A9", "/%E3%80%80/x", "/agreements/%2e%2e"]) {
      const response = await proxy(request(path));
      expect(response.status, path).toBe(200);
    }
  });
});

describe("the language of the address (docs/decisions/020-languages.md)", () => {
  const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

  it("takes the prefix off and tells the page the language and its path", async () => {
    const response = await proxy(request("/cy/partners?page=2"));
    expect(response.status).toBe(200);
    expect(new URL(response.headers.get("x-middleware-rewrite")!).pathname).toBe("/partners");
    expect(forwarded(response, "x-twinning-locale")).toBe("cy");
    expect(forwarded(response, "x-twinning-path")).toBe("/partners?page=2");
  });

  it("never lets a visitor's own header choose the language or the path", async () => {
    for (const path of ["/partners", "/dashboard", "/de/partners"]) {
      const response = await proxy(request(path, { headers: { "x-twinning-locale": "fr", "x-twinning-path": "//evil.example" } }));
      expect(forwarded(response, "x-twinning-locale"), path).toBe(path.startsWith("/de") ? "de" : "en");
      expect(forwarded(response, "x-twinning-path"), path).toBe(path.replace(/^\/de/, ""));
    }
  });

  it("sends /en/… to the address without a prefix, keeping the query", async () => {
    const response = await proxy(request("/en/partners?q=Kiel"));
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("http://localhost:3000/partners?q=Kiel");
  });

  it("never redirects or rewrites to another site, whatever follows the prefix", async () => {
    for (const path of ["/en//evil.example/x", "/en/%2F%2Fevil.example", "/cy//evil.example/x", "/en/\\evil.example"]) {
      const response = await proxy(request(path));
      const target = response.headers.get("location") ?? response.headers.get("x-middleware-rewrite");
      if (target) expect(new URL(target, "http://localhost:3000").host, path).toBe("localhost:3000");
    }
  });

  it("a staff page in a partner language is no page of ours; in Welsh it is", async () => {
    const german = await proxy(request("/de/dashboard"));
    expect(new URL(german.headers.get("x-middleware-rewrite")!).pathname).not.toBe("/dashboard");
    const welsh = await proxy(request("/cy/dashboard"));
    expect(new URL(welsh.headers.get("x-middleware-rewrite")!).pathname).toBe("/dashboard");
  });
});

describe("every response names its request's id (X-Request-Id), which the page's log lines carry", () => {
  it("a new id per request, a client's own never taken unless a trusted proxy stands in front", async () => {
    const ids = new Set<string>();
    for (const sent of [request("/login"), request("/login"), request("/partners/%ff"), request("/login", { headers: { "x-request-id": "chosen-by-the-client" } })]) {
      const id = (await proxy(sent)).headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      ids.add(id!);
    }
    expect(ids.size).toBe(4);
    // The page gets the same id the response names.
    const page = await proxy(request("/login"));
    expect(page.headers.get("x-middleware-request-x-request-id")).toBe(page.headers.get("x-request-id"));
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    expect((await proxy(request("/login", { headers: { "x-request-id": "0123456789abcdef0123456789abcdef" } }))).headers.get("x-request-id")).toBe("0123456789abcdef0123456789abcdef");
  });
});
