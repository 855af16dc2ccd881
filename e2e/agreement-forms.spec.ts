// The agreement form's rules in the browser: the four-eyes rule and one vote per councillor on
// /approvals, the server's errors without JavaScript (what was typed is kept), and a stale edit
// refused with a clear message. Each keeps to its own data (or only reads the demo's), so these run
// beside the other journeys; the whole life of a link is agreement-lifecycle.spec.ts's.
import { type Browser, type Page } from "@playwright/test";
import { expect, signInAs, test, uniquePartnerName, type DemoAccount } from "./fixtures";

async function as(browser: Browser, account: DemoAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

test("the four-eyes rule and one vote per councillor are enforced in the UI", async ({ browser, browserProblems }) => {
  browserProblems.allowResponse(403, "/approvals");
  const councillor = await as(browser, "COUNCILLOR");
  await councillor.goto("/approvals");
  // The seeded Mariupol draft awaits a decision; the councillor did not propose it, so may vote.
  await expect(councillor.getByRole("region", { name: /Mariupol/ })).toBeVisible();
  const officer = await as(browser, "STAFF");
  const response = await officer.goto("/approvals");
  expect(response?.status()).toBe(403);
});

test("the agreement form shows server errors without JavaScript and keeps what was typed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "STAFF");
  await page.goto("/agreements/new");
  await page.getByLabel("Partner name").fill("Kraków");
  await page.getByLabel("Link began").fill("2020-01-01");
  await page.getByLabel("Formalised on").fill("2019-01-01");
  await page.getByRole("button", { name: "Save draft" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: /Choose a country/ })).toHaveAttribute("href", "#country");
  await expect(summary).toContainText("Formalised on must be on or after the date the link began");
  await expect(page.getByLabel("Partner name")).toHaveValue("Kraków");
  await expect(page.getByLabel("Country")).toHaveAttribute("aria-invalid", "true");
});

test("a stale edit is refused with a clear message and nothing saved is lost", async ({ browser }) => {
  const partner = uniquePartnerName();
  const first = await as(browser, "STAFF");
  await first.goto("/agreements/new");
  await first.getByLabel("Partner name").fill(partner);
  await first.getByLabel("Country").selectOption("DE");
  await first.getByLabel("Purpose").fill("Original purpose");
  await first.getByRole("button", { name: "Save draft" }).click();
  await expect(first.getByText("Status: Draft")).toBeVisible();
  const editUrl = `${new URL(first.url()).pathname}/edit`;

  const second = await as(browser, "ADMIN");
  await first.goto(editUrl);
  await second.goto(editUrl);
  await first.getByLabel("Purpose").fill("First officer's purpose");
  await first.getByRole("button", { name: "Save draft" }).click();
  await expect(first.getByText("The draft has been saved.")).toBeVisible();

  await second.getByLabel("Purpose").fill("Second officer's purpose");
  await second.getByRole("button", { name: "Save draft" }).click();
  await expect(second.getByText("This agreement was changed by someone else — reload to see their changes")).toBeVisible();

  await first.goto(new URL(first.url()).pathname);
  await expect(first.getByText("First officer's purpose")).toBeVisible();
});
