// HTTP hardening as the browser receives it: the security headers of a public and a signed-in
// page, a Content Security Policy that really stops an injected inline script, the session
// cookie's flags, and a session past its time sent back to /login.
// (lib/web/security-headers.test.ts covers HSTS over HTTPS; tests/unit/session-cookie.test.ts the
// Secure flag in production.)
import type { Page, Response } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { E2E_SECRET } from "../scripts/lib/e2e-accounts";
import { expect, signInAs, test } from "./fixtures";

const SESSION_COOKIE = "next-auth.session-token";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

function expectHardened(response: Response | null, label: string) {
  expect(response, label).not.toBeNull();
  const headers = response!.headers();
  const csp = directives(headers["content-security-policy"] ?? "");
  const scripts = csp.get("script-src") ?? [];
  expect(scripts.some((source) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(source)), `${label}: script-src has a nonce`).toBe(true);
  expect(scripts, `${label}: no inline scripts`).not.toContain("'unsafe-inline'");
  expect(scripts, `${label}: no eval`).not.toContain("'unsafe-eval'");
  expect(csp.get("frame-ancestors"), label).toEqual(["'none'"]);
  expect(csp.get("object-src"), label).toEqual(["'none'"]);
  expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["permissions-policy"], label).toMatch(/camera=\(\).*geolocation=\(\)/);
  // The test server is plain HTTP: HSTS there would be ignored, and must not be sent.
  expect(headers["strict-transport-security"], label).toBeUndefined();
  expect(headers["x-powered-by"], label).toBeUndefined();
}

/** The console errors with which Chromium reports the refusal of the scripts injected below. */
const INJECTED_SCRIPT_REFUSED = /^console error: Executing inline (script|event handler) violates the following Content Security Policy directive/;

/**
 * Opens `url` with an inline script and an inline event handler written into its HTML, as a
 * stored XSS that slipped past escaping would be (the server's headers are kept). Reports what
 * ran and which CSP directives blocked what. (A script already running could add scripts:
 * 'strict-dynamic' trusts them by design; the policy's job is to stop the first one.)
 */
async function openWithInjectedScripts(page: Page, url: string) {
  await page.addInitScript(() => {
    const win = window as unknown as { __blocked: string[]; __ran: string[] };
    win.__blocked = [];
    win.__ran = [];
    document.addEventListener("securitypolicyviolation", (event) => win.__blocked.push(event.effectiveDirective));
  });
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      `<script>window.__ran.push("inline script")</script><img src="data:," alt="" onerror="window.__ran.push('onerror handler')"></body>`,
    );
    // The body is decoded and changed: drop its original encoding and length, keep every other header.
    const { "content-encoding": _encoding, "content-length": _length, ...headers } = response.headers();
    await route.fulfill({ status: response.status(), headers, body: html });
  });
  const response = await page.goto(url);
  await page.waitForLoadState("load");
  // Violation reports are dispatched asynchronously.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __blocked: string[] }).__blocked.length)).toBeGreaterThanOrEqual(2);
  const outcome = await page.evaluate(() => {
    const win = window as unknown as { __blocked: string[]; __ran: string[] };
    return { ran: win.__ran, blocked: win.__blocked };
  });
  await page.unroute(url);
  return { response, ...outcome };
}

/** How many of the page's scripts carry this response's nonce (browsers hide the attribute; the property keeps it). */
async function noncedScripts(page: Page, nonce: string): Promise<number> {
  return page.locator("script").evaluateAll((scripts, value) => scripts.filter((script) => (script as HTMLScriptElement).nonce === value).length, nonce);
}

test.describe("security headers and the content security policy", () => {
  test("a public page: headers; its own scripts carry the nonce; an injected inline script does not run", async ({ page, browserProblems }) => {
    browserProblems.allow(INJECTED_SCRIPT_REFUSED);
    expectHardened(await page.goto("/partners"), "/partners");
    const { response, ran, blocked } = await openWithInjectedScripts(page, "/partners");
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"]!)![1]!;
    expect(await noncedScripts(page, nonce)).toBeGreaterThan(0);
    expect(ran).toEqual([]);
    expect(blocked).toEqual(expect.arrayContaining(["script-src-elem", "script-src-attr"]));
  });

  test("a signed-in page: headers; the session cookie is HttpOnly and SameSite=Lax; an expired session goes back to /login", async ({ page, context, browserProblems }) => {
    browserProblems.allow(INJECTED_SCRIPT_REFUSED);
    await signInAs(page, "STAFF");
    expectHardened(await page.goto("/dashboard"), "/dashboard");
    const injected = await openWithInjectedScripts(page, "/dashboard");
    expect(injected.ran).toEqual([]);
    expect(injected.blocked).toEqual(expect.arrayContaining(["script-src-elem", "script-src-attr"]));

    const cookie = (await context.cookies()).find((candidate) => candidate.name === SESSION_COOKIE);
    expect(cookie, "the session cookie").toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    // Plain HTTP here: a Secure cookie would never be sent back (Secure over HTTPS: unit-tested).
    expect(cookie!.secure).toBe(false);
    expect(cookie!.value).not.toContain("officer@example.org");

    // The same signed claims, but issued more than SESSION_HOURS ago: the token's exp has passed.
    const claims = await decode({ token: cookie!.value, secret: E2E_SECRET });
    expect(claims?.sub).toBeTruthy();
    const { exp: _exp, iat: _iat, jti: _jti, ...rest } = claims!;
    const expired = await encode({ token: rest, secret: E2E_SECRET, maxAge: -60 });
    await context.addCookies([{ ...cookie!, value: expired }]);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  });

  test("anonymous visits to public pages come from the rendered-page cache, each with a nonce of its own; signed-in visits do not", async ({ page, request }) => {
    const visits = [];
    for (let visit = 0; visit < 3; visit += 1) {
      const response = await request.get("/partners");
      expect(response.status()).toBe(200);
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
      const bodyNonces = new Set([...(await response.text()).matchAll(/ nonce="([^"]*)"/g)].map((match) => match[1]));
      visits.push({ cache: response.headers()["x-cache"], nonce, bodyNonces: [...bodyNonces] });
    }
    expect(visits.map((visit) => visit.cache).every((cache) => cache === "HIT" || cache === "MISS")).toBe(true);
    expect(new Set(visits.map((visit) => visit.nonce)).size).toBe(3);
    for (const visit of visits) expect(visit.bodyNonces).toEqual([visit.nonce]);
    const head = await request.head("/partners");
    expect(head.status()).toBe(200);
    expect(await head.body()).toHaveLength(0);

    // Journeys on the other worker write meanwhile, and any write has the page rendered afresh
    // (a MISS): asked again, a visit with nothing changed since the last comes from the cache, and
    // the cached page's own scripts run (its inline RSC payload reached self.__next_f).
    await expect(async () => {
      const cached = await page.goto("/partners");
      expect(cached!.headers()["x-cache"]).toBe("HIT");
    }).toPass({ timeout: 30_000 });
    expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f))).toBe(true);

    await signInAs(page, "STAFF");
    const signedIn = await page.goto("/partners");
    expect(signedIn!.headers()["x-cache"]).toBeUndefined();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});
