import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./auth";

const SITE = "https://twinning.example.gov.uk";

/** Where a browser (or the client router, which resolves a redirect against the page) would go. */
function landsOn(path: string): URL {
  return new URL(path, `${SITE}/login`);
}

describe("safeReturnPath", () => {
  it("follows a path on this site, with its query and fragment", () => {
    expect(safeReturnPath("/agreements?status=ACTIVE")).toBe("/agreements?status=ACTIVE");
    expect(safeReturnPath("/agreements/1?action=submit#form", SITE)).toBe("/agreements/1?action=submit#form");
    expect(safeReturnPath("/partners/s%C3%A3o-tom%C3%A9", SITE)).toBe("/partners/s%C3%A3o-tom%C3%A9");
  });

  it("follows an absolute address only on the site's own origin, as a path", () => {
    expect(safeReturnPath(`${SITE}/agreements?q=Kiel`, SITE)).toBe("/agreements?q=Kiel");
    expect(safeReturnPath("http://twinning.example.gov.uk/agreements", SITE)).toBe("/dashboard");
    expect(safeReturnPath("https://twinning.example.gov.uk:8443/agreements", SITE)).toBe("/dashboard");
  });

  // ASVS 5.1.5: every way of spelling another host must end on this site.
  const OFF_SITE = [
    "https://evil.example/",
    "HTTPS://evil.example/",
    "http:evil.example",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example",
    "\\/evil.example",
    "\\\\evil.example",
    // Dot segments: "/.//host" resolves to the path "//host", which a second resolution reads as a host.
    "/.//evil.example/login",
    "/..//evil.example/login",
    "/x/../../..//evil.example",
    "/./\\evil.example",
    // Encoded dots, slashes and backslashes.
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/x/%2e%2e/%2fevil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%5c%5cevil.example",
    // Tabs and newlines are stripped by URL parsers: "/\t/host" is "//host".
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    " //evil.example",
    "\u3000//evil.example",
    // Other schemes.
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "mailto:a@evil.example",
    // Userinfo and lookalikes.
    `${SITE}@evil.example/`,
    "https://twinning.example.gov.uk.evil.example/",
    // Relative, without a leading slash: resolved against /login by a browser.
    "evil",
    "evil.example/x",
    "",
  ];

  it.each(OFF_SITE.map((value) => [JSON.stringify(value), value]))("never leaves the site: %s", (_label, value) => {
    for (const origin of [undefined, SITE]) {
      const path = safeReturnPath(value, origin);
      expect(path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")).toBe(true);
      const url = landsOn(path);
      expect(url.origin).toBe(SITE);
      // Already in normal form, so resolving it again (the client router does) goes nowhere else:
      // "/.//host" resolves to the path "//host", which a second resolution reads as a host.
      expect(`${url.pathname}${url.search}${url.hash}`).toBe(path);
      expect(landsOn(`${url.pathname}${url.search}${url.hash}`).origin).toBe(SITE);
      expect(safeReturnPath(path, origin)).toBe(path);
    }
  });

  it("returns the path normalised: dot segments resolved, backslashes as slashes, Unicode percent-encoded", () => {
    expect(safeReturnPath("/agreements/./x/../new", SITE)).toBe("/agreements/new");
    expect(safeReturnPath("/%2e%2e/agreements", SITE)).toBe("/agreements");
    expect(safeReturnPath("/agreements\\new", SITE)).toBe("/agreements/new");
    // An ideographic space: followed as its encoding (a Location header must be ASCII; it was a 500).
    expect(safeReturnPath("/\u3000/x", SITE)).toBe("/%E3%80%80/x");
    expect(safeReturnPath("/\u00A0//evil.example", SITE)).toBe("/%C2%A0//evil.example");
    expect(safeReturnPath("/partners?q=São Tomé", SITE)).toBe("/partners?q=S%C3%A3o%20Tom%C3%A9");
    for (const value of ["/\u3000/x", "/\u2028/x", "/\uFEFF/x", "/\u200B//evil.example", "/x?q=\u3000#\u3000"]) {
      expect(safeReturnPath(value, SITE)).toMatch(/^\/[\x21-\x7E]*$/);
    }
  });

  it("ignores a path with control or bidi characters, decoded or not", () => {
    for (const value of ["/agreements\u0000", "/x\r\nSet-Cookie: a=b", "/\u202Eexe", "/%00", "/x%0d%0aSet-Cookie:%20a=b", "/%E2%80%AEexe"]) {
      expect(safeReturnPath(value, SITE)).toBe("/dashboard");
    }
  });

  it("ignores a value of any length, before or after normalising, and anything but one string", () => {
    expect(safeReturnPath(`/${"x".repeat(2000)}`)).toBe("/dashboard");
    expect(safeReturnPath(`/${"\u3000".repeat(500)}`, SITE)).toBe("/dashboard");
    expect(safeReturnPath(`/${"./".repeat(100_000)}`, SITE)).toBe("/dashboard");
    for (const value of [undefined, null, ["/agreements", "//evil.example"], 42, { toString: () => "//evil.example" }]) expect(safeReturnPath(value, SITE)).toBe("/dashboard");
  });

  it("ignores a malformed escape, and uses the fallback given", () => {
    expect(safeReturnPath("/%ff", SITE)).toBe("/dashboard");
    expect(safeReturnPath("//evil.example", SITE, "/")).toBe("/");
  });
});
