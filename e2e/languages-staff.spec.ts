// The staff pages in Welsh (issue 19, decision 020): the address names the language, so an officer
// reads /cy/dashboard in Welsh, with "English" switching back to /dashboard; links from a Welsh
// page stay under /cy/; a form's error summary is in Welsh (with and without JavaScript); a
// councillor decides on /cy/approvals. Every page passes axe. English names drive the app (the
// demo's partners, the sign-in form); the Welsh assertions use the words of messages/dashboard,
// messages/agreements, messages/approvals and messages/forms.
import type { Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { expect, signInAs, test } from "./fixtures";

// The words and markup of a page do not depend on the database: checked once per CI run, on the
// embedded database (EMBEDDED_ONLY in playwright.config.ts), like the accessibility sweep.
async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

async function expectWelsh(page: Page, heading: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", "cy-GB");
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

test.describe("the staff pages in Welsh", () => {
  // Several pages, each checked by axe, and a second browser context: more than one minute on a busy machine.
  test.describe.configure({ timeout: 180_000 });

  test("an officer reads the dashboard and the agreements in Welsh, and the links stay in Welsh", async ({ page }) => {
    await signInAs(page, "STAFF");
    await page.goto("/cy/dashboard");
    await expectWelsh(page, "Dangosfwrdd");
    await expect(page).toHaveTitle(/Dangosfwrdd/);
    await expect(page.getByRole("region", { name: "Partneriaethau segur" }).getByRole("link", { name: "Belgrade" })).toHaveAttribute("href", /^\/cy\/agreements\//);
    await expect(page.getByRole("region", { name: "Cyfnewidiadau bob blwyddyn, pob partner" }).getByRole("img", { name: /Gweithgarwch bob blwyddyn/ })).toBeVisible();
    const english = page.getByRole("navigation", { name: "Iaith" }).getByRole("link", { name: "English" });
    await expect(english).toHaveAttribute("href", "/dashboard");
    await expect(english).toHaveAttribute("lang", "en-GB");
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Prif ddewislen" }).getByRole("link", { name: "Cytundebau" }).click();
    await expect(page).toHaveURL(/\/cy\/agreements$/);
    await expectWelsh(page, "Cytundebau");
    await expectAccessible(page);
    const filters = page.getByRole("search", { name: "Hidlo cytundebau" });
    await filters.getByLabel("Enw'r partner").fill("Kiel");
    await filters.getByRole("button", { name: "Hidlo" }).click();
    await expect(page).toHaveURL(/\/cy\/agreements\?q=Kiel/);

    const kiel = page.getByRole("link", { name: "Kiel", exact: true });
    await expect(kiel).toHaveAttribute("href", /^\/cy\/agreements\//);
    await kiel.click();
    await expect(page).toHaveURL(/\/cy\/agreements\/[^/]+$/);
    await expectWelsh(page, "Kiel");
    await expect(page.getByText("Yr Almaen", { exact: true })).toBeVisible();
    await expect(page.getByTestId("agreement-status")).toHaveText("Statws: Gweithredol");
    await expect(page.getByRole("heading", { level: 2, name: "Y cytundeb" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Penderfyniadau" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Yn ôl i'r cytundebau" })).toHaveAttribute("href", "/cy/agreements");
    await expectAccessible(page);

    // The switch lives in the root layout, which the client-side navigation above kept: it follows
    // the browser's address, and loads the other language afresh (a new <html lang> and header).
    const back = page.getByRole("navigation", { name: "Iaith" }).getByRole("link", { name: "English" });
    await expect(back).toHaveAttribute("href", /^\/agreements\/[^/]+$/);
    await back.click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
    await expect(page.getByTestId("agreement-status")).toHaveText("Status: Active");
  });

  test("a form on a Welsh page shows its problems under a Welsh heading, with JavaScript and without", async ({ page, browser }) => {
    await signInAs(page, "STAFF");
    await page.goto("/cy/agreements/new");
    await expectWelsh(page, "Drafftio cytundeb newydd");
    await page.getByRole("button", { name: "Cadw'r drafft" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary.getByRole("heading", { name: "Mae yna broblem" })).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(page.getByLabel("Enw'r partner")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    // Without JavaScript the server checks the form and answers on the Welsh page.
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await context.newPage();
    await plain.goto("/cy/agreements/new");
    await plain.getByRole("button", { name: "Cadw'r drafft" }).click();
    await expect(plain.getByTestId("error-summary").getByRole("heading", { name: "Mae yna broblem" })).toBeVisible();
    await expect(plain.locator("html")).toHaveAttribute("lang", "cy-GB");
    await context.close();
  });

  test("a councillor reads the proposals awaiting a decision in Welsh", async ({ page }) => {
    await signInAs(page, "COUNCILLOR");
    await page.goto("/cy/approvals");
    await expectWelsh(page, "Cymeradwyo");
    await expect(page.getByText(/^Cynigion sy'n aros am benderfyniad\./)).toBeVisible();
    const mariupol = page.getByRole("region", { name: /Mariupol/ });
    await expect(mariupol.getByText("Cynigiwyd gan")).toBeVisible();
    await expect(mariupol.getByRole("link", { name: /Mariupol/ })).toHaveAttribute("href", /^\/cy\/agreements\//);
    await expect(mariupol.getByRole("button", { name: "Cymeradwyo" })).toBeVisible();
    await expect(mariupol.getByRole("button", { name: "Gwrthod" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Iaith" }).getByRole("link", { name: "English" })).toHaveAttribute("href", "/approvals");
    await expectAccessible(page);
  });
});
