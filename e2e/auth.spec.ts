// Signing in and out, and who may open which page: every page in app/ is checked against
// ROUTE_ACCESS (lib/domain/permissions.ts) for anonymous visitors and each role.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { ROUTE_ACCESS, can } from "../lib/domain/permissions";
import { missingFromPolicy } from "../lib/domain/policy-coverage";
import { isKnownRoute, pageRoutes, type Route } from "./routes";
import { DEACTIVATED_ACCOUNT, DEMO_ACCOUNTS, DEMO_PASSWORD, expect, signInAs, signOut, submitSignIn, test, uniqueName, type DemoAccount } from "./fixtures";

const INCORRECT = "Incorrect email or password";

test.describe("signing in", () => {
  for (const account of Object.keys(DEMO_ACCOUNTS) as DemoAccount[]) {
    test(`${DEMO_ACCOUNTS[account].email} can sign in`, async ({ page }) => {
      // Through the form every time (signInAs may reuse an earlier session).
      await submitSignIn(page, DEMO_ACCOUNTS[account].email, DEMO_PASSWORD);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("banner").getByText(DEMO_ACCOUNTS[account].name)).toBeVisible();
    });
  }

  test("a wrong password says “Incorrect email or password”", async ({ page }) => {
    await submitSignIn(page, DEMO_ACCOUNTS.STAFF.email, "not-the-password-at-all");
    await expect(page.getByText(INCORRECT)).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  });

  test("an unknown email says the same “Incorrect email or password”", async ({ page }) => {
    await submitSignIn(page, "nobody-here@example.org", DEMO_PASSWORD);
    await expect(page.getByText(INCORRECT)).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  });

  test("a failed sign-in is audited with the connection's address, not a forged X-Forwarded-For", async ({ page, browser }) => {
    // One failure from this machine (the suite's others: see SECURITY.md's lock, 20 per address).
    const email = `forged-${uniqueName("xff").replace(/\W+/g, "-")}@example.org`;
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.77", "X-Real-IP": "203.0.113.78" });
    await submitSignIn(page, email, "a guess");
    await expect(page.getByText(INCORRECT)).toBeVisible();

    const admin = await (await browser.newContext()).newPage();
    await signInAs(admin, "ADMIN");
    await admin.goto("/admin/audit?action=auth.sign-in-failed");
    const row = admin.getByRole("row").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell").last()).toHaveText(/^(127\.0\.0\.1|::1)$/);

    // The same rows as CSV, with the page's filters (the integration suite proves the file's format).
    const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Download as CSV (with these filters)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    const [header, ...lines] = csv.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(header).toBe("When (UTC),Who,Email,Action,Entity type,Entity id,Details,Address");
    for (const line of lines) expect(line).toContain(",auth.sign-in-failed,");
    expect(lines.filter((line) => line.includes(email))).toEqual([expect.stringMatching(/,(127\.0\.0\.1|::1)$/)]);

    // What IT monitors and what an assurance review fetches, through the real server and its proxy.
    const health = await admin.request.get("/healthz");
    expect([health.status(), await health.json()]).toEqual([200, { status: "ok" }]);
    expect(health.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await admin.request.get("/readyz");
    expect(await ready.json()).toMatchObject({ checks: { database: { ok: true }, migrations: { ok: true } } });
    const securityTxt = await admin.request.get("/.well-known/security.txt");
    expect([securityTxt.status(), await securityTxt.text()]).toEqual([404, "No security contact is set for this site yet.\n"]);
  });

  test("a deactivated account cannot sign in", async ({ page }) => {
    await submitSignIn(page, DEACTIVATED_ACCOUNT.email, DEMO_PASSWORD);
    await expect(page.getByText(/deactivated/i)).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);
  });

  test("signing in returns to the page that asked for it", async ({ page }) => {
    await page.goto("/agreements");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fagreements/);
    await page.getByLabel("Email", { exact: true }).fill(DEMO_ACCOUNTS.STAFF.email);
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/agreements$/);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("sign-in works", async ({ page }) => {
      await signInAs(page, "COUNCILLOR");
      await expect(page).toHaveURL(/\/dashboard$/);
    });

    test("a wrong password is explained", async ({ page }) => {
      await submitSignIn(page, DEMO_ACCOUNTS.ADMIN.email, "wrong-password-here");
      await expect(page.getByText(INCORRECT)).toBeVisible();
    });
  });
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, "STAFF");
  await signOut(page);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);
});

/** The session cookie the browser holds now (one: the session is small enough not to be split). */
async function sessionCookie(page: Page) {
  const cookies = (await page.context().cookies()).filter((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(cookies).toHaveLength(1);
  return cookies[0]!;
}

test.describe("sessions end on the server (ASVS 3.3.1, 3.3.2)", () => {
  test("a session cookie copied before signing out no longer opens /dashboard afterwards", async ({ page }) => {
    // A session of its own (signInAs may share one with other journeys).
    await submitSignIn(page, DEMO_ACCOUNTS.STAFF.email, DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const copied = await sessionCookie(page);

    await signOut(page);
    // As an attacker who took the cookie earlier would: put it back, and ask for a staff page.
    await page.context().addCookies([copied]);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  });

  test("reading the session (GET /api/auth/session) does not extend it", async ({ page }) => {
    await submitSignIn(page, DEMO_ACCOUNTS.COUNCILLOR.email, DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const issued = await sessionCookie(page);

    const response = await page.request.get("/api/auth/session");
    expect(response.status()).toBe(200);
    const session = (await response.json()) as { user?: { email?: string }; expires?: string };
    expect(session.user?.email).toBe(DEMO_ACCOUNTS.COUNCILLOR.email);
    // The session ends when the cookie issued at sign-in expires, and no new cookie moves that.
    expect(Math.abs(Date.parse(session.expires ?? "") / 1000 - issued.expires)).toBeLessThanOrEqual(2);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("next-auth.session-token=");
    const after = await sessionCookie(page);
    expect({ value: after.value, expires: after.expires }).toEqual({ value: issued.value, expires: issued.expires });
  });
});

// ---------------------------------------------------------------------------------------------
// Authorization matrix

const PAGES = pageRoutes();
/** Pages that exist now, without dynamic segments (those need data: their own journeys test them). */
const STATIC_PAGES = PAGES.filter((route): route is Route => isKnownRoute(route) && !route.includes("["));

test("every page in app/ has an entry in ROUTE_ACCESS", () => {
  const missing = missingFromPolicy(PAGES, ROUTE_ACCESS);
  expect(missing, "pages with no access rule in lib/domain/permissions.ts ROUTE_ACCESS").toEqual([]);
});

type Visitor = "anonymous" | "STAFF" | "COUNCILLOR" | "ADMIN";

/**
 * Requests the page with the browser context's cookies (no rendering: the decision is the
 * server's) and checks the outcome against ROUTE_ACCESS.
 */
async function expectAccess(page: Page, visitor: Visitor, route: Route) {
  const access = ROUTE_ACCESS[route];
  const response = await page.request.get(route);
  const label = `${visitor} → ${route} (${access})`;
  if (access === "public") {
    expect.soft(response.status(), label).toBe(200);
  } else if (visitor === "anonymous") {
    const landed = new URL(response.url());
    expect.soft(`${landed.pathname} ${landed.searchParams.get("callbackUrl")}`, label).toBe(`/login ${route}`);
    expect.soft(response.status(), label).toBe(200);
  } else if (can({ role: visitor }, access)) {
    expect.soft(response.status(), label).toBe(200);
  } else {
    expect.soft(response.status(), label).toBe(403);
  }
}

test.describe("authorization matrix", () => {
  test("finds pages to check", () => {
    expect(STATIC_PAGES.length).toBeGreaterThan(0);
  });

  test("anonymous visitors see public pages and are sent to /login for the rest", async ({ page }) => {
    for (const route of STATIC_PAGES) await expectAccess(page, "anonymous", route);
  });

  for (const role of ["STAFF", "COUNCILLOR", "ADMIN"] as const) {
    test(`${role}: allowed pages open (200), the others are forbidden (403)`, async ({ page }) => {
      await signInAs(page, role);
      for (const route of STATIC_PAGES) await expectAccess(page, role, route);
    });
  }
});
