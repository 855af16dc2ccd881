// Account security in the browser (issue 20 items 1, 3 and 4): a user changes their own password on
// /account (a common one is refused, saying why; their other session ends, this one stays, the new
// password signs in), with and without JavaScript; an account locked by failed sign-ins shows its
// lock, with the council's time zone, to an admin on their dashboard ("Locked accounts") and on
// /admin/users/<id>, whose "Unlock sign-in" lets
// it sign in again at once. Each journey creates its own user: the demo accounts' passwords never
// change. The lock takes five failed sign-ins from this machine (the suite's budget: 20 per
// address, SECURITY.md).
import type { Browser, Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { expect, signInAs, submitSignIn, test, uniqueEmail, uniqueName } from "./fixtures";

const FIRST_PASSWORD = "first-e2e-password-2026";
const NEW_PASSWORD = "second-e2e-password-2026";
const LOCKED_UNTIL = /Sign-in locked until \d{2}:\d{2} (GMT|BST)/;

/** Creates a staff user through /admin/users as the demo admin; returns its page's path. */
async function createUser(admin: Page, name: string, email: string): Promise<string> {
  await signInAs(admin, "ADMIN");
  await admin.goto("/admin/users");
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Password", { exact: true }).fill(FIRST_PASSWORD);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("heading", { name, level: 1 })).toBeVisible();
  return new URL(admin.url()).pathname;
}

/** A browser of the user's own, signed in through /login. */
async function signedInBrowser(browser: Browser, email: string, password: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await submitSignIn(page, email, password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}

async function fillChangePassword(page: Page, current: string, next: string, confirm = next): Promise<void> {
  await page.getByLabel("Current password", { exact: true }).fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password", { exact: true }).fill(confirm);
  await page.getByRole("button", { name: "Change password" }).click();
}

for (const javaScriptEnabled of [true, false]) {
  test(`a user changes their own password; their other session ends and this one stays (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ page, browser }) => {
    const email = uniqueEmail("password-change");
    await createUser(page, uniqueName("Pat Password"), email);
    const here = await signedInBrowser(browser, email, FIRST_PASSWORD, { javaScriptEnabled });
    const elsewhere = await signedInBrowser(browser, email, FIRST_PASSWORD);

    await here.goto("/account");
    await expect(here.getByRole("heading", { name: "Change password", level: 2 })).toBeVisible();
    await fillChangePassword(here, FIRST_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}-typo`);
    await expect(here.getByTestId("error-summary")).toContainText("There is a problem");
    await expect(here.getByTestId("error-summary")).toContainText("The new passwords do not match");
    // axe runs in the page: only where scripts run.
    if (javaScriptEnabled) expect(await axeViolations(here)).toEqual([]);
    // A password is never sent back into the form.
    await expect(here.getByLabel("Current password", { exact: true })).toHaveValue(javaScriptEnabled ? FIRST_PASSWORD : "");

    // Long enough, but common: the server refuses it and says why (its dictionaries never reach the browser).
    await fillChangePassword(here, FIRST_PASSWORD, "password1234");
    await expect(here.getByTestId("error-summary")).toContainText("Password is too easy to guess: it is a common password with a few letters or numbers added or changed");

    await fillChangePassword(here, FIRST_PASSWORD, NEW_PASSWORD);
    await expect(here.getByText("Your password has been changed.")).toBeVisible();
    await expect(here.getByLabel("New password", { exact: true })).toHaveValue("");
    await here.goto("/account");
    await expect(here.getByRole("button", { name: "Sign out" })).toBeVisible();

    await elsewhere.goto("/account");
    await expect(elsewhere).toHaveURL(/\/login\?callbackUrl=%2Faccount/);

    await elsewhere.context().clearCookies();
    await submitSignIn(elsewhere, email, NEW_PASSWORD);
    await expect(elsewhere.getByRole("button", { name: "Sign out" })).toBeVisible();
    await here.context().close();
    await elsewhere.context().close();
  });
}

test("an admin sees a locked sign-in with its time zone, and unlocks it", async ({ page, browser }) => {
  const email = uniqueEmail("locked-out");
  const name = uniqueName("Lee Locked");
  const userPath = await createUser(page, name, email);
  await expect(page.getByText(LOCKED_UNTIL)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Unlock sign-in" })).toHaveCount(0);

  const visitor = await (await browser.newContext()).newPage();
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitSignIn(visitor, email, `wrong-guess-${attempt}-of-five`);
    await expect(visitor.getByTestId("error-summary")).toContainText("Incorrect email or password");
  }
  await submitSignIn(visitor, email, FIRST_PASSWORD);
  await expect(visitor.getByTestId("error-summary")).toContainText(/sign-in is locked until \d{2}:\d{2} (GMT|BST)/);

  // The admin's dashboard lists the locked account, linked to its page, where it is unlocked.
  await page.goto("/dashboard");
  const locked = page.getByRole("region", { name: "Locked accounts", exact: true }).getByRole("listitem").filter({ hasText: name });
  await expect(locked).toContainText(/locked until \d{2}:\d{2} (GMT|BST)/);
  await locked.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`${userPath}$`));
  await expect(page.getByText(new RegExp(`^Active\\. ${LOCKED_UNTIL.source}$`))).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Unlock sign-in" }).click();
  await expect(page.getByText("Sign-in has been unlocked.")).toBeVisible();
  await expect(page.getByText(LOCKED_UNTIL)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Unlock sign-in" })).toHaveCount(0);

  await submitSignIn(visitor, email, FIRST_PASSWORD);
  await expect(visitor.getByRole("button", { name: "Sign out" })).toBeVisible();
  await visitor.context().close();
});

test("a user who forgot their password asks for a link, without JavaScript, and sets a new one through it once", async ({ page, browser }) => {
  const email = uniqueEmail("password-reset");
  await createUser(page, uniqueName("Robin Reset"), email);

  // Asking: from the sign-in page, as a plain form. The answer is the same for any email.
  const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(visitor).toHaveURL(/\/password-reset$/);
  await visitor.getByLabel("Email", { exact: true }).fill(email);
  await visitor.getByRole("button", { name: "Send reset link" }).click();
  await expect(visitor.getByText("If an account uses that email, we have sent it a link")).toBeVisible();

  // The email waits in the demo's outbox (no SMTP here); the admin's page shows its link.
  await page.goto("/admin/outbox");
  const row = page.getByRole("table", { name: "Outbox messages, newest first" }).getByRole("row").filter({ hasText: email }).filter({ hasText: "Reset your Twinning Office password" });
  await row.getByText("Reset your Twinning Office password").click();
  const body = await row.locator("pre").innerText();
  const link = /https?:\/\/\S+(\/password-reset\/[A-Za-z0-9_-]{43})/.exec(body)?.[1];
  expect(link).toBeTruthy();

  // Opening the link uses nothing up, sends no Referer, and is never cached; the form is accessible.
  const owner = await (await browser.newContext()).newPage();
  const opened = await owner.goto(link!);
  expect(opened!.headers()["referrer-policy"]).toBe("no-referrer");
  expect(opened!.headers()["cache-control"]).toContain("no-store");
  await owner.reload();
  await expect(owner.getByRole("heading", { name: "Choose a new password", level: 1 })).toBeVisible();
  await owner.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await owner.getByLabel("Confirm new password", { exact: true }).fill(`${NEW_PASSWORD}-typo`);
  await owner.getByRole("button", { name: "Set new password" }).click();
  await expect(owner.getByTestId("error-summary")).toContainText("The new passwords do not match");
  expect(await axeViolations(owner)).toEqual([]);
  await owner.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await owner.getByLabel("Confirm new password", { exact: true }).fill(NEW_PASSWORD);
  await owner.getByRole("button", { name: "Set new password" }).click();
  await expect(owner).toHaveURL(/\/login\?done=password-reset$/);
  await expect(owner.getByText("Your password has been reset")).toBeVisible();

  // The new password signs in, the old one no longer does, and the link works no more.
  await submitSignIn(owner, email, FIRST_PASSWORD);
  await expect(owner.getByText("Incorrect email or password").first()).toBeVisible();
  await submitSignIn(owner, email, NEW_PASSWORD);
  await expect(owner.getByRole("button", { name: "Sign out" })).toBeVisible();
  await visitor.goto(link!);
  await expect(visitor.getByRole("heading", { name: "This link no longer works", level: 1 })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
});
