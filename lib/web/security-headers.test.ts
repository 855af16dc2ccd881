import { describe, expect, it } from "vitest";
import { carriesSecret, contentSecurityPolicy, securityHeaders } from "./security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only with this response's nonce: never 'unsafe-inline' or, in production, 'unsafe-eval'", () => {
    const policy = directives(contentSecurityPolicy("bm9uY2U="));
    expect(policy.get("script-src")).toContain("'nonce-bm9uY2U='");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
  });

  it("lets forms go on to the council's OpenID provider (its origin only), and nowhere else", () => {
    const policy = directives(contentSecurityPolicy("n", { signInProvider: "https://login.microsoftonline.com/tenant-id/v2.0" }));
    expect(policy.get("form-action")).toEqual(["'self'", "https://login.microsoftonline.com"]);
    expect(directives(contentSecurityPolicy("n", { signInProvider: "javascript:alert(1)" })).get("form-action")).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy("n", { signInProvider: "not a url" })).get("form-action")).toEqual(["'self'"]);
  });

  it("forbids framing by any site", () => {
    expect(directives(contentSecurityPolicy("n")).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("gives 'unsafe-eval' to the development server only (React's dev tools need it)", () => {
    expect(directives(contentSecurityPolicy("n", { development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("upgrades insecure requests only when served over HTTPS", () => {
    expect(directives(contentSecurityPolicy("n", { https: true })).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(contentSecurityPolicy("n", { https: false })).has("upgrade-insecure-requests")).toBe(false);
  });

  it("uses a different nonce per response", () => {
    expect(contentSecurityPolicy("a")).not.toBe(contentSecurityPolicy("b"));
  });
});

describe("securityHeaders", () => {
  it("sends HSTS over HTTPS only (over plain HTTP a browser ignores it, and a test server must not pin it)", () => {
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("sets the referrer, sniffing, framing and feature policies on every response", () => {
    for (const https of [true, false]) {
      const headers = securityHeaders({ https });
      expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
      expect(headers["X-Frame-Options"]).toBe("DENY");
      expect(headers["Permissions-Policy"]).toContain("camera=()");
      expect(headers["Permissions-Policy"]).toContain("geolocation=()");
    }
  });

  it("sends no Referer from a page whose address carries a single-use link's token, and has it stored nowhere", () => {
    expect(carriesSecret("/password-reset/abc")).toBe(true);
    expect(carriesSecret("/password-reset")).toBe(false);
    expect(carriesSecret("/password-reset/abc/more")).toBe(false);
    expect(carriesSecret("/confirm/abc")).toBe(true);
    expect(carriesSecret("/confirm")).toBe(false);
    const headers = securityHeaders({ https: true, secretAddress: true });
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["Cache-Control"]).toBe("no-store");
    expect(securityHeaders({ https: true })["Cache-Control"]).toBeUndefined();
  });
});
