// Validation messages in the page's language (issue 19, decision 020 "Validation messages"): the
// schemas word their messages in English, and a form on a /cy/ page shows them in Welsh: the
// browser's check (with JavaScript) and the server's (without) alike, beside each field and in the
// error summary, which takes focus. The Welsh words are those of messages/validation and messages/forms.
// The operations' refusals too: one naming a status (the exchange form), and the sign-in's own.
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

// The words and markup of a page do not depend on the database: checked once per CI run, on the
// embedded database (EMBEDDED_ONLY in playwright.config.ts), like the accessibility sweep.
const PARTNER_NAME = "Rhowch enw'r partner";
const COUNTRY = "Dewiswch wlad, neu “Dim gwlad (dychmygol neu arall)”";

async function expectWelshErrors(page: Page) {
  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("heading", { name: "Mae yna broblem" })).toBeVisible();
  await expect(summary.getByRole("link", { name: PARTNER_NAME })).toHaveAttribute("href", "#partnerName");
  await expect(summary.getByRole("link", { name: COUNTRY })).toHaveAttribute("href", "#country");
  await expect(summary).not.toContainText("Enter the partner name");
  await expect(summary).not.toContainText("Choose a country");
  // Beside each field, after the hidden "Gwall:".
  await expect(page.locator("#partnerName-error")).toHaveText(`Gwall: ${PARTNER_NAME}`);
  await expect(page.locator("#country-error")).toHaveText(`Gwall: ${COUNTRY}`);
  await expect(page.getByLabel("Enw'r partner")).toHaveAttribute("aria-invalid", "true");
}

test.describe("validation messages in Welsh", () => {
  test.describe.configure({ timeout: 120_000 });

  test("an officer sends the new-agreement form empty on /cy/agreements/new and reads the errors in Welsh (JavaScript on)", async ({ page }) => {
    await signInAs(page, "STAFF");
    await page.goto("/cy/agreements/new");
    await expect(page.locator("html")).toHaveAttribute("lang", "cy-GB");
    await page.getByRole("button", { name: "Cadw'r drafft" }).click();
    await expectWelshErrors(page);
    await expect(page.getByTestId("error-summary")).toBeFocused();
    // Still the form: the browser's check stopped it before the server.
    await expect(page).toHaveURL(/\/cy\/agreements\/new$/);

    // A refusal the server words with the agreement's status (lib/domain/errors.ts REFUSED_IN_STATUS):
    // the draft awaiting approval, smuggled into the exchange form's list, is refused in Welsh.
    await page.goto("/cy/agreements?q=Mariupol");
    const mariupol = (await page.getByRole("link", { name: "Mariupol" }).first().getAttribute("href"))!.split("/").pop()!;
    await page.goto("/cy/exchanges/new");
    await page.locator("#agreementId").evaluate((select: HTMLSelectElement, id: string) => {
      select.add(new Option("Mariupol", id));
      select.value = id;
      // The form's state follows the select's change event, as when a user picks an option.
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }, mariupol);
    await page.getByLabel("Math o gyfnewid").selectOption({ label: "Cymorth dyngarol" });
    await page.getByLabel("Cyfeiriad").selectOption({ label: "Allan" });
    await page.getByLabel("Dyddiad dechrau").fill("2026-10-01");
    await page.getByRole("button", { name: "Cadw'r cyfnewid" }).click();
    const refusal = "Dim ond dan gytundeb gweithredol neu gytundeb wedi'i atal y gellir cofnodi cyfnewidiadau: mae'r un hwnnw yn aros am gymeradwyaeth";
    await expect(page.getByTestId("error-summary").getByRole("link", { name: refusal })).toBeVisible();
    await expect(page.locator("#agreementId-error")).toHaveText(`Gwall: ${refusal}`);
  });

  test("without JavaScript the server's errors are in Welsh too, and English stays English", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, "STAFF");
    await page.goto("/cy/agreements/new");
    await page.getByRole("button", { name: "Cadw'r drafft" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "cy-GB");
    await expectWelshErrors(page);
    // Without scripts the summary takes focus by its autofocus attribute.
    await expect(page.getByTestId("error-summary")).toBeFocused();

    await page.goto("/agreements/new");
    await page.getByRole("button", { name: "Save draft" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Enter the partner name" })).toBeVisible();
    await context.close();
  });

  test("on /cy/login a refused sign-in is worded in Welsh, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/cy/login");
    await page.getByLabel("E-bost").fill("nobody-in-welsh@example.org");
    await page.getByLabel("Cyfrinair").fill("not the password");
    await page.getByRole("button", { name: "Mewngofnodi", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "cy-GB");
    await expect(page.getByTestId("error-summary")).toContainText("E-bost neu gyfrinair anghywir");
    await expect(page.getByTestId("error-summary")).not.toContainText("Incorrect email or password");
    await context.close();
  });
});
