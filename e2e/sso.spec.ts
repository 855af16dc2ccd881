// Single sign-on in the browser (issue 20 item 6), against the suite's own OpenID provider
// (scripts/test-oidc-provider.ts; its development sign-in page takes the login name and any
// password). "Sign in with your council account" → the provider → the dashboard as the demo officer
// whose council account it is; a stranger at the provider is refused on /login, also without
// JavaScript; an admin removes the officer's council sign-in link, and their next sign-in links it
// again and lands in their language; "Only with the council account" then refuses the officer's
// password, not the admin's. Axe on the sign-in page, the refusal and the removal's confirmation.
import type { Browser, Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, signInAs, submitSignIn, test } from "./fixtures";

const COUNCIL_ACCOUNT = "Sign in with your council account";

/** At the test provider's sign-in page: its login name (any password). */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function freshPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  return (await browser.newContext(options)).newPage();
}

test("staff sign in with their council account; a stranger is refused; the council can make it the only way in", async ({ page, browser, browserProblems }) => {
  // The test provider's own development pages load a web font and have no favicon: not the app's.
  browserProblems.allow(/fonts\.googleapis\.com/, /ERR_NAME_NOT_RESOLVED \(on http:\/\/localhost:\d+\/interaction\//, /404 \(Not Found\) \(on http:\/\/localhost:\d+\/interaction\//);
  // The demo officer's council account: matched by its verified email, and bound to it.
  const officer = await freshPage(browser);
  await officer.goto("/login");
  await expect(officer.getByRole("button", { name: COUNCIL_ACCOUNT })).toBeVisible();
  expect(await axeViolations(officer)).toEqual([]);
  await officer.getByRole("button", { name: COUNCIL_ACCOUNT }).click();
  await signInAtProvider(officer, "olivia.okafor");
  await expect(officer).toHaveURL(/\/dashboard$/);
  await expect(officer.getByText(`${DEMO_ACCOUNTS.STAFF.name} signed in as`)).toBeVisible();

  // Someone the provider knows but the office does not: a clear refusal, without JavaScript too.
  const stranger = await freshPage(browser, { javaScriptEnabled: false });
  await stranger.goto("/login");
  await stranger.getByRole("button", { name: COUNCIL_ACCOUNT }).click();
  await signInAtProvider(stranger, "sam.stranger");
  await expect(stranger).toHaveURL(/\/login\?sso=unknown$/);
  await expect(stranger.getByTestId("error-summary")).toContainText("Your council account has no account in the Twinning Office");
  await expect(stranger.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  // Axe needs scripts: the same refusal, in a page that runs them.
  await page.goto("/login?sso=unknown");
  await expect(page.getByTestId("error-summary")).toContainText("Your council account has no account in the Twinning Office");
  expect(await axeViolations(page)).toEqual([]);

  // An admin sees the officer's link and removes it (their provider account was recreated), in two
  // steps; with their language set to Cymraeg, their next single sign-on links it again by verified
  // email and lands in Welsh, as a password sign-in does.
  await signInAs(page, "ADMIN");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: DEMO_ACCOUNTS.STAFF.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ACCOUNTS.STAFF.name })).toBeVisible();
  const officerPage = page.url();
  await expect(page.getByText(/^Linked to http\S+ since /)).toBeVisible();
  await page.getByRole("button", { name: "Remove the council sign-in link" }).click();
  await expect(page.getByRole("button", { name: "Confirm removal" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Confirm removal" }).click();
  await expect(page.getByText("The council sign-in link has been removed.")).toBeVisible();
  await expect(page.getByText("Not linked", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove the council sign-in link" })).toHaveCount(0);
  const language = page.getByRole("form", { name: "Language" });
  await language.getByLabel("Cymraeg").check();
  await language.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByText("Their language has been saved.")).toBeVisible();
  try {
    const relinked = await freshPage(browser);
    await relinked.goto("/login?callbackUrl=%2Fagreements");
    await relinked.getByRole("button", { name: COUNCIL_ACCOUNT }).click();
    await signInAtProvider(relinked, "olivia.okafor");
    await expect(relinked).toHaveURL(/\/cy\/agreements$/);
    await page.goto(officerPage);
    await expect(page.getByText(/^Linked to http\S+ since /)).toBeVisible();
  } finally {
    await page.goto(officerPage);
    await language.getByLabel("English").check();
    await language.getByRole("button", { name: "Save language" }).click();
    await expect(page.getByText("Their language has been saved.")).toBeVisible();
  }

  // The council's setting: officers and councillors sign in only with the council account.
  await page.goto("/admin/settings");
  await page.getByLabel("Only with the council account").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
  try {
    const password = await freshPage(browser);
    await submitSignIn(password, DEMO_ACCOUNTS.STAFF.email, DEMO_PASSWORD);
    await expect(password.getByText("Officers and councillors sign in with their council account")).toBeVisible();
    await expect(password.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    // Admins keep their password: the way in when the council's provider is down.
    await submitSignIn(password, DEMO_ACCOUNTS.ADMIN.email, DEMO_PASSWORD);
    await expect(password.getByRole("button", { name: "Sign out" })).toBeVisible();
  } finally {
    await page.goto("/admin/settings");
    await page.getByLabel("With a password or the council account").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByTestId("form-success")).toBeVisible();
  }
});
