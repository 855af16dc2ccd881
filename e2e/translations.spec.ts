// Translated content (issue 19 items 3–5): an officer adds a Welsh public summary on an agreement
// and the Welsh partner page shows it; a link without Welsh shows the English marked "Not yet
// translated" (lang="en"); a paused link's public reason in Welsh; a partner's own-language name
// beside the English one, right to left for Arabic. Runs on the demo story.
import { axeViolations } from "./axe";
import { expect, signInAs, test } from "./fixtures";

test("an officer adds a Welsh summary; the Welsh partner page shows it", async ({ page }) => {
  const welsh = `Ffrindiau ers 1953; ffurfiolwyd y cyswllt yn 1957. (${Date.now()})`;
  await signInAs(page, "STAFF");
  await page.goto("/agreements?q=Belgrade");
  await page.getByRole("link", { name: "Belgrade", exact: true }).first().click();
  const section = page.getByRole("region", { name: "Translations" });
  await expect(section.getByRole("row", { name: /Cymraeg/ })).toContainText("Not translated");
  await section.getByLabel("Language").selectOption("cy");
  await section.getByLabel("Public summary").fill(welsh);
  await section.getByRole("button", { name: "Save translation" }).click();
  await expect(page.getByText("The translation has been saved.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Translations" }).getByRole("row", { name: /Cymraeg/ })).toContainText(welsh);

  await page.goto("/cy/partners/belgrade");
  const summary = page.getByText(welsh);
  await expect(summary).toBeVisible();
  await expect(page.getByTestId("not-yet-translated")).toHaveCount(0);
  // The partner's own name, in Serbian Cyrillic.
  await expect(page.getByTestId("local-name").locator('[lang="sr-Cyrl"]')).toHaveText("Београд");
  await expect(page.locator('[lang="sr-Cyrl"]', { hasText: "збратимљени град" })).toBeVisible();
});

test("a link without Welsh shows the English, marked and in an English voice; a paused link's reason in Welsh", async ({ page }) => {
  await page.goto("/cy/partners/kiel");
  const summary = page.locator('p:has([data-testid="not-yet-translated"])').first();
  await expect(summary.locator('[lang="en"]')).toHaveText("Coventry's link with Kiel began in 1947 as one of the first Anglo-German reconciliations.");
  await expect(summary.getByTestId("not-yet-translated")).toHaveText("Heb ei gyfieithu eto");
  // The link's name in German, the partner's language.
  await expect(page.locator('[lang="de"]', { hasText: "Städtepartnerschaft" })).toBeVisible();

  await page.goto("/cy/partners/volgograd");
  await expect(page.getByText("Wedi'i oedi ym mis Mawrth 2022 yn dilyn ymosodiad llawn Rwsia ar Wcráin.")).toBeVisible();
  await expect(page.getByText("Paused in March 2022 following Russia's full-scale invasion of Ukraine.")).toHaveCount(0);
  await expect(page.getByTestId("local-name").locator('[lang="ru"]')).toHaveText("Волгоград");
  // Dresden's summary was translated into Welsh by the demo.
  await page.goto("/cy/partners/dresden");
  await expect(page.getByText("Wedi'u cysylltu ers 1956")).toBeVisible();
  // English is as it was: no marker.
  await page.goto("/partners/kiel");
  await expect(page.getByTestId("not-yet-translated")).toHaveCount(0);
});

test("an Arabic partner name renders right to left", async ({ page }) => {
  for (const path of ["/partners/irbid", "/cy/partners/irbid"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Irbid");
    const name = page.getByTestId("local-name").locator('[lang="ar"]');
    await expect(name).toHaveText("إربد");
    await expect(name).toHaveAttribute("dir", "rtl");
    await expect(name).toHaveCSS("direction", "rtl");
    // The page around it stays left to right.
    await expect(page.locator("h1")).toHaveCSS("direction", "ltr");
    await expect(page.locator('[lang="ar"][dir="rtl"]', { hasText: "شراكة" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  }
});
