// The one reader of who sent a request and to which site (issue 17 finding 2, issue 18 item 1):
// the client's address under the proxy trust policy, and the site's origin from the configured
// public address, never throwing on a malformed header.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddressFrom, configuredOrigin, PEER_ADDRESS_HEADER, recordPeerAddresses, requestHost, siteOriginFrom, trustedProxyHops, validAddress } from "./request-context";

const headers = (entries: Record<string, string>) => new Headers(entries);
const peer = (address: string, more: Record<string, string> = {}) => headers({ [PEER_ADDRESS_HEADER]: address, ...more });

describe("recordPeerAddresses", () => {
  let server: http.Server;
  let port = 0;

  beforeAll(async () => {
    recordPeerAddresses();
    recordPeerAddresses(); // idempotent: the socket's address is written once, not wrapped twice
    server = http.createServer((request, response) => response.end(JSON.stringify(request.headers)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("writes the socket's address onto every request, over whatever the client sent under that name", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.1", "x-forwarded-for": "203.0.113.2" } });
    const seen = (await response.json()) as Record<string, string>;
    expect(seen[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(clientAddressFrom(new Headers(seen), {})).toBe("127.0.0.1");
  });
});

describe("validAddress", () => {
  it("keeps IP addresses, in one canonical form", () => {
    expect(validAddress("203.0.113.5")).toBe("203.0.113.5");
    expect(validAddress(" 203.0.113.5 ")).toBe("203.0.113.5");
    expect(validAddress("203.0.113.5:8080")).toBe("203.0.113.5");
    expect(validAddress("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(validAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(validAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(validAddress("fe80::1%eth0")).toBe("fe80::1");
  });

  it("refuses anything else, never returning the text", () => {
    for (const text of ["", "unknown", "203.0.113", "999.1.1.1", "<script>", "1.2.3.4, 5.6.7.8", "x".repeat(15 * 1024), "[", "::g", null, undefined]) {
      expect(validAddress(text), String(text).slice(0, 20)).toBeNull();
    }
  });
});

describe("clientAddressFrom: one trust policy (TRUSTED_PROXY_HOPS)", () => {
  it("reads the policy: 0 by default and for anything that is not a small whole number", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["-1", "1.5", "many", "11"]) expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: bad }), bad).toBe(0);
  });

  it("with no trusted proxy: the socket's address; X-Forwarded-For and X-Real-IP are the client's own text", () => {
    expect(clientAddressFrom(peer("198.51.100.7", { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.8" }), {})).toBe("198.51.100.7");
    expect(clientAddressFrom(peer("::ffff:198.51.100.7"), {})).toBe("198.51.100.7");
    expect(clientAddressFrom(headers({ "x-forwarded-for": "203.0.113.9" }), {})).toBeNull();
  });

  it("with n trusted proxies: the n-th X-Forwarded-For entry from the right (what our nearest proxy appended)", () => {
    const forwarded = peer("10.0.0.2", { "x-forwarded-for": "1.1.1.1, 203.0.113.50, 10.0.0.1" });
    expect(clientAddressFrom(forwarded, { TRUSTED_PROXY_HOPS: "1" })).toBe("10.0.0.1");
    expect(clientAddressFrom(forwarded, { TRUSTED_PROXY_HOPS: "2" })).toBe("203.0.113.50");
    // Fewer entries than proxies (a request that came round one): the left-most, never beyond it.
    expect(clientAddressFrom(forwarded, { TRUSTED_PROXY_HOPS: "5" })).toBe("1.1.1.1");
    // A request straight to the app with none: Next.js fills the header in from the socket.
    expect(clientAddressFrom(peer("198.51.100.7", { "x-forwarded-for": "198.51.100.7" }), { TRUSTED_PROXY_HOPS: "1" })).toBe("198.51.100.7");
  });

  it("gives null, never the text, when the chosen entry is not an IP address", () => {
    expect(clientAddressFrom(peer("10.0.0.2", { "x-forwarded-for": `1.1.1.1, ${"x".repeat(15 * 1024)}` }), { TRUSTED_PROXY_HOPS: "1" })).toBeNull();
    expect(clientAddressFrom(peer("not an address"), {})).toBeNull();
  });
});

describe("the site's origin", () => {
  it("is the configured public address (APP_URL, else NEXTAUTH_URL), whatever the request says", () => {
    const forged = headers({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(siteOriginFrom(forged, { NEXTAUTH_URL: "https://twinning.example.gov.uk/" })).toBe("https://twinning.example.gov.uk");
    expect(siteOriginFrom(forged, { APP_URL: "https://www.council.example/twinning", NEXTAUTH_URL: "http://localhost:3000", TRUSTED_PROXY_HOPS: "1" })).toBe("https://www.council.example");
    expect(configuredOrigin({ NEXTAUTH_URL: "javascript:alert(1)" })).toBeNull();
  });

  it("never throws on a malformed header: X-Forwarded-Host: [ and friends", () => {
    for (const bad of ["[", "]", "a b", "evil.example/<script>", "x".repeat(5000), "example.org:99999999", "[::1"]) {
      for (const env of [{}, { TRUSTED_PROXY_HOPS: "1" }, { NEXTAUTH_URL: "http://localhost:3000" }]) {
        const origin = siteOriginFrom(headers({ host: bad, "x-forwarded-host": bad, "x-forwarded-proto": bad }), env);
        expect(() => new URL(origin), `${bad.slice(0, 20)} ${JSON.stringify(env)}`).not.toThrow();
        expect(origin).toMatch(/^https?:\/\/(localhost:3000|[^/]+)$/);
      }
    }
  });

  it("with none configured: the Host header, and a proxy's X-Forwarded-Host/-Proto only when proxies are trusted", () => {
    const proxied = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "twinning.example.org", "x-forwarded-proto": "https" });
    expect(siteOriginFrom(proxied, {})).toBe("http://127.0.0.1:3000");
    expect(siteOriginFrom(proxied, { TRUSTED_PROXY_HOPS: "1" })).toBe("https://twinning.example.org");
    expect(siteOriginFrom(headers({ host: "evil.example/<script>" }), {})).toBe("http://localhost:3000");
    expect(siteOriginFrom(null, {})).toBe("http://localhost:3000");
    expect(requestHost(headers({ host: "[::1]:3000" }), {})).toBe("[::1]:3000");
  });
});
