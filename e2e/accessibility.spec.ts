// Every page of the app has no axe violations (WCAG 2.2 A and AA), checked as the people who
// use it see it: public pages anonymously, the rest signed in with a role that may open them.
// The pages come from app/ itself (e2e/routes.ts), so a new page is checked without a new line
// here; a dynamic page is opened through a link to it, as a user would reach it. Forms are also
// checked after a refused submission, with the error summary and inline errors showing.
// Markup does not depend on the database: each page is checked once per CI run, the signed-in ones
// on the embedded database, the public ones (tagged @axe-signed-out) on PostgreSQL.
import type { Browser, Page, Response } from "@playwright/test";
import { ROUTE_ACCESS, can } from "../lib/domain/permissions";
import { axeViolations } from "./axe";
import { expect, signInAs, test, uniquePartnerName, type DemoAccount } from "./fixtures";
import { isKnownRoute, pageRoutes, type Route } from "./routes";
import { publishReport } from "./published-report";

type Visitor = "anonymous" | Extract<DemoAccount, "STAFF" | "COUNCILLOR" | "ADMIN">;

/** The least privileged visitor who may open the route: what most of its users see. */
function visitorFor(route: Route): Visitor {
  const access = ROUTE_ACCESS[route];
  if (access === "public") return "anonymous";
  const visitor = (["STAFF", "COUNCILLOR", "ADMIN"] as const).find((role) => can({ role }, access));
  if (!visitor) throw new Error(`No demo account may open ${route} (${access})`);
  return visitor;
}

const ROUTES = pageRoutes().filter(isKnownRoute);
const VISITORS: Visitor[] = ["anonymous", "STAFF", "COUNCILLOR", "ADMIN"];

/** "/agreements/[id]/edit" → a pattern matching "/agreements/cm…/edit" (and no static sibling such as /agreements/new). */
function routePattern(route: Route): RegExp {
  const source = route.replace(/\[[^\]]+\]/g, "(?!new$|export$)[^/?#]+");
  return new RegExp(`^${source}$`);
}

/** Where a link to each dynamic page is found: its list page, or the page it is reached from. */
const LINK_SOURCES: Partial<Record<Route, string[]>> = {
  "/partners/[slug]": ["/partners"],
  "/decisions/[id]": ["/decisions"],
  "/agreements/[id]": ["/agreements"],
  "/exchanges/[id]/edit": ["/exchanges"],
  "/events/[id]/edit": ["/events"],
  "/admin/users/[id]": ["/admin/users"],
};

async function findLink(page: Page, route: Route, sources: string[]): Promise<string> {
  const pattern = routePattern(route);
  for (const source of sources) {
    if (new URL(page.url()).pathname !== source) await page.goto(source);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => new URL(link.getAttribute("href") ?? "", location.href).pathname));
    const match = hrefs.find((href) => pattern.test(href));
    if (match) return match;
  }
  throw new Error(`No link to ${route} found on ${sources.join(", ")}: the demo data should provide one`);
}

/** A draft of the officer's own, reached as the officer reaches it: saved from /agreements/new. */
async function draftEditPath(page: Page): Promise<string> {
  if (new URL(page.url()).pathname !== "/agreements/new") await page.goto("/agreements/new");
  await page.getByLabel("Partner name").fill(uniquePartnerName());
  await page.getByLabel("Country").selectOption({ label: "Portugal" });
  await page.getByLabel("Relationship type").selectOption({ label: "Twin town" });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Status: Draft")).toBeVisible();
  await page.getByRole("link", { name: "Edit draft" }).click();
  await expect(page).toHaveURL(/\/agreements\/[^/]+\/edit$/);
  return new URL(page.url()).pathname;
}

/** "Correct details" of an Active link of the demo, reached as an officer reaches it: from its agreement page. */
async function correctDetailsPath(page: Page): Promise<string> {
  const agreement = await findLink(page, "/agreements/[id]", ["/agreements"]);
  await page.goto(agreement);
  await page.getByRole("link", { name: "Correct details" }).click();
  await expect(page).toHaveURL(/\/agreements\/[^/]+\/correct$/);
  return new URL(page.url()).pathname;
}

/** The erasure's confirmation step for a demo user, reached as an admin reaches it: from the user's page (nothing is erased). */
async function eraseUserPath(page: Page): Promise<string> {
  await page.goto(await findLink(page, "/admin/users/[id]", ["/admin/users"]));
  await page.getByRole("link", { name: "Erase their personal data" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[^/]+\/erase$/);
  return new URL(page.url()).pathname;
}

/** A reset link that works is reached by email (e2e/account-security.spec.ts checks its form); any other shows why not. */
const SPENT_RESET_LINK = `/password-reset/${"x".repeat(43)}`;
/** Likewise a partner's confirmation link (e2e/contacts-confirmation.spec.ts checks the working one): this one says it does not work. */
const SPENT_CONFIRMATION_LINK = `/confirm/${"x".repeat(43)}`;

const ANNUAL_REPORT_PATH = "/reports/2026";
/** A year this suite publishes (an admin's "Publish report") for its public copy: none other publishes it. */
const PUBLISHED_REPORT_YEAR = 2020;

async function pathFor(page: Page, route: Route): Promise<string> {
  if (!route.includes("[")) return route;
  if (route === "/password-reset/[token]") return SPENT_RESET_LINK;
  if (route === "/confirm/[token]") return SPENT_CONFIRMATION_LINK;
  if (route === "/agreements/[id]/edit") return draftEditPath(page);
  if (route === "/agreements/[id]/correct") return correctDetailsPath(page);
  if (route === "/admin/users/[id]/erase") return eraseUserPath(page);
  // Any year is a report (an empty one says so): the demo data's year.
  if (route === "/reports/[year]") return ANNUAL_REPORT_PATH;
  if (route === "/annual-report/[year]") return publishReport(page.context().browser()!, PUBLISHED_REPORT_YEAR);
  const sources = LINK_SOURCES[route];
  if (!sources) throw new Error(`Add ${route} to LINK_SOURCES in e2e/accessibility.spec.ts: where is a link to it?`);
  return findLink(page, route, sources);
}

/** The first page a check of the route opens: the route itself, or where the way to it starts. */
function firstPath(route: Route): string {
  if (!route.includes("[")) return route;
  if (route === "/agreements/[id]/edit") return "/agreements/new";
  if (route === "/agreements/[id]/correct") return "/agreements?status=ACTIVE";
  if (route === "/admin/users/[id]/erase") return "/admin/users";
  if (route === "/reports/[year]") return ANNUAL_REPORT_PATH;
  if (route === "/annual-report/[year]") return "/annual-report";
  if (route === "/password-reset/[token]") return SPENT_RESET_LINK;
  if (route === "/confirm/[token]") return SPENT_CONFIRMATION_LINK;
  return LINK_SOURCES[route]?.[0] ?? "/";
}

/** A page of its own for the visitor, opened at `path`: a signed-in visitor lands there from signing in. */
async function pageAs(browser: Browser, visitor: Visitor, path: string): Promise<{ page: Page; response: Response | null }> {
  const page = await (await browser.newContext()).newPage();
  const landed = visitor === "anonymous" ? null : await signInAs(page, visitor, { callbackUrl: path });
  return { page, response: landed ?? (await page.goto(path)) };
}

test("the check names what it finds: an image with no text, a field with no label, in the page and in a frame", async ({ page }) => {
  const markup = '<main><h1>Check</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input id="unlabelled"></main>';
  await page.setContent(`<!doctype html><html lang="en"><title>Check</title>${markup}`);
  expect(await axeViolations(page)).toEqual(["image-alt: img", "label: #unlabelled"]);
  // A page that embeds a frame is checked by AxeBuilder, frame and all.
  await page.setContent(`<!doctype html><html lang="en"><title>Check</title><main><h1>Check</h1><iframe title="Inner" srcdoc='${markup}'></iframe></main>`);
  expect(await axeViolations(page)).toEqual(["image-alt: iframe img", "label: iframe #unlabelled"]);
});

test("every page in app/ is checked by a visitor who may open it", () => {
  expect(ROUTES.length).toBeGreaterThan(10);
  for (const route of ROUTES) expect(VISITORS).toContain(visitorFor(route));
});

// One test per page, so the pages share out between the suite's workers.
for (const route of ROUTES) {
  const visitor = visitorFor(route);
  // Public pages are checked on the PostgreSQL run, beside its shared-state journeys (playwright.config.ts).
  test(`${route}, as ${visitor}: no axe violations`, { tag: visitor === "anonymous" ? "@axe-signed-out" : [] }, async ({ browser, browserProblems }) => {
    const first = firstPath(route);
    // A confirmation link never sent is a page that says so, answered with 404 (lib/contacts/link-state.ts).
    const status = route === "/confirm/[token]" ? 404 : 200;
    if (status !== 200) browserProblems.allowResponse(status, first);
    const opened = await pageAs(browser, visitor, first);
    const page = opened.page;
    const path = await pathFor(page, route);
    const response = path === first ? opened.response : await page.goto(path);
    expect(response?.status(), `${visitor} opens ${path}`).toBe(status);
    expect(await axeViolations(page), path).toEqual([]);
    await page.context().close();
  });
}

test("the sign-in page with an error has no axe violations", { tag: "@axe-signed-out" }, async ({ browser }) => {
  const { page } = await pageAs(browser, "anonymous", "/login");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("There is a problem")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.context().close();
});

// One test per form, so they share out between the workers like the pages above.
for (const [path, button] of [
  ["/agreements/new", "Save draft"],
  ["/exchanges/new", "Save exchange"],
  ["/events/new", "Save event"],
] as const) {
  test(`${path} after a refused submission, with its error summary and inline errors: no axe violations`, async ({ browser }) => {
    const { page } = await pageAs(browser, "STAFF", path);
    await page.getByRole("button", { name: button }).click();
    await expect(page.getByText("There is a problem")).toBeVisible();
    expect(await axeViolations(page), path).toEqual([]);
    await page.context().close();
  });
}
