// The public pages in the partners' languages (issue 19, decision 020): the address names the
// language. A resident follows "Cymraeg" from /partners to /cy/partners, opens a partner's page in
// Welsh and switches back to English; German and French readers get their own pages; a search on
// a Welsh page stays in Welsh. Each page passes axe and works without JavaScript. English names
// drive the app; the Welsh, German and French assertions use the words of messages/public.
import type { Browser, Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { expect, test } from "./fixtures";

// The words and markup of a page do not depend on the database: checked once per CI run, on the
// embedded database (EMBEDDED_ONLY in playwright.config.ts), like the accessibility sweep.
const WELSH_HEADING = "Ein trefi a'n dinasoedd partner";
const GERMAN_HEADING = "Unsere Partnerstädte und -gemeinden";
const FRENCH_HEADING = "Nos villes partenaires";

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** hreflang alternates for every language plus x-default, and the canonical in the page's own language. */
async function expectLanguageAlternates(page: Page, path: string, canonical: string) {
  const alternates = page.locator('head link[rel="alternate"][hreflang]');
  const byLanguage = Object.fromEntries(
    await alternates.evaluateAll((links) => links.map((link) => [link.getAttribute("hreflang"), new URL(link.getAttribute("href") ?? "").pathname])),
  );
  expect(byLanguage).toEqual({ "en-GB": path, "cy-GB": `/cy${path}`, "de-DE": `/de${path}`, "fr-FR": `/fr${path}`, "x-default": path });
  expect(new URL((await page.locator('head link[rel="canonical"]').getAttribute("href")) ?? "").pathname).toBe(canonical);
}

async function withoutJavaScript(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

test.describe("the public pages in other languages", () => {
  test("a resident reads the partners in Welsh, opens a partner's page in Welsh and switches back to English", async ({ page }) => {
    await page.goto("/partners");
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Cymraeg" }).click();
    await expect(page).toHaveURL(/\/cy\/partners$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "cy-GB");
    await expect(page.getByRole("heading", { level: 1, name: WELSH_HEADING })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(WELSH_HEADING));
    await expectLanguageAlternates(page, "/partners", "/cy/partners");
    await expect(page.locator('head meta[property="og:locale"]')).toHaveAttribute("content", "cy_GB");
    const current = page.getByRole("region", { name: "Partneriaid presennol", exact: true });
    const kiel = current.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Kiel", exact: true }) });
    await expect(kiel).toContainText("Yr Almaen");
    await expect(kiel).toContainText("Tref efeilliedig, ers");
    await expect(page.getByRole("region", { name: "Partneriaethau wedi'u hatal a chyn-bartneriaethau" })).toContainText("Ataliwyd ar 15 Mawrth 2022");
    await expectAccessible(page);

    await current.getByRole("link", { name: "Kiel", exact: true }).click();
    await expect(page).toHaveURL(/\/cy\/partners\/kiel$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "cy-GB");
    await expect(page.getByRole("heading", { level: 1, name: "Kiel" })).toBeVisible();
    await expect(page.getByText("Statws: Gweithredol")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Am y bartneriaeth" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Pob tref a dinas bartner" })).toHaveAttribute("href", "/cy/partners");
    await expectLanguageAlternates(page, "/partners/kiel", "/cy/partners/kiel");
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Iaith" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/partners/kiel");
    await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
    await expect(page.getByRole("heading", { level: 2, name: "About the partnership" })).toBeVisible();
    await expect(page.getByText("Status: Active")).toBeVisible();
  });

  test("a paused link's notice and reason in Welsh", async ({ page }) => {
    await page.goto("/cy/partners/volgograd");
    await expect(page.getByText("Cafodd y cysylltiad hwn (tref efeilliedig) ei atal ar 15 Mawrth 2022.")).toBeVisible();
    await expect(page.getByText("Statws: Wedi'i atal")).toBeVisible();
    await expectAccessible(page);
  });

  for (const [locale, heading, tag, ogLocale] of [
    ["de", GERMAN_HEADING, "de-DE", "de_DE"],
    ["fr", FRENCH_HEADING, "fr-FR", "fr_FR"],
  ] as const) {
    test(`/${locale}/partners is in its language`, async ({ page }) => {
      await page.goto(`/${locale}/partners`);
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.locator('head meta[property="og:locale"]')).toHaveAttribute("content", ogLocale);
      await expectLanguageAlternates(page, "/partners", `/${locale}/partners`);
      await expectAccessible(page);
      await page.goto(`/${locale}/open-data`);
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await expect(page.getByRole("heading", { level: 1, name: locale === "de" ? "Offene Daten" : "Données ouvertes" })).toBeVisible();
      await expectAccessible(page);
    });
  }

  test("a search on the Welsh listing stays in Welsh", async ({ page }) => {
    await page.goto("/cy/partners");
    const search = page.getByRole("search", { name: "Chwilio a hidlo partneriaid" });
    await expect(search).toHaveAttribute("action", "/cy/partners");
    await search.getByLabel("Math o berthynas").selectOption({ label: "Tref efeilliedig" });
    await search.getByRole("button", { name: "Chwilio" }).click();
    await expect(page).toHaveURL(/\/cy\/partners\?.*type=TWIN_TOWN/);
    await expect(page.locator("html")).toHaveAttribute("lang", "cy-GB");
    await expect(page.getByRole("heading", { level: 1, name: WELSH_HEADING })).toBeVisible();
    await expect(page.getByRole("region", { name: "Partneriaid presennol", exact: true })).toContainText("i'ch chwiliad");
    await expect(page.getByRole("link", { name: "Clirio'r chwilio a'r hidlau" })).toHaveAttribute("href", "/cy/partners");
    await expectAccessible(page);
  });

  test("works without JavaScript: the switch, a partner's page and a Welsh search", async ({ browser }) => {
    const page = await withoutJavaScript(browser);
    await page.goto("/partners");
    await page.getByRole("link", { name: "Cymraeg" }).click();
    await expect(page).toHaveURL(/\/cy\/partners$/);
    await expect(page.getByRole("heading", { level: 1, name: WELSH_HEADING })).toBeVisible();

    const search = page.getByRole("search", { name: "Chwilio a hidlo partneriaid" });
    await search.getByLabel("Chwilio partneriaid").fill("Kiel");
    await search.getByRole("button", { name: "Chwilio" }).click();
    await expect(page).toHaveURL(/\/cy\/partners\?q=Kiel/);
    await expect(page.getByText("Mae 1 partner yn cyfateb i'ch chwiliad", { exact: false })).toBeVisible();

    await page.getByRole("region", { name: "Partneriaid presennol", exact: true }).getByRole("link", { name: "Kiel", exact: true }).click();
    await expect(page).toHaveURL(/\/cy\/partners\/kiel$/);
    await expect(page.getByRole("heading", { level: 2, name: "Am y bartneriaeth" })).toBeVisible();
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/partners/kiel");
    await expect(page.getByRole("heading", { level: 2, name: "About the partnership" })).toBeVisible();

    for (const [path, heading] of [
      ["/de/partners", GERMAN_HEADING],
      ["/fr/partners", FRENCH_HEADING],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    }
    await page.context().close();
  });
});
