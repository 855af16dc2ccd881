// A user's own language (issue 19, decision 020): a new user chooses "Cymraeg" on /account, lands
// on /cy/account in Welsh with the confirmation in Welsh, signs out and in again from the English
// sign-in page and lands on the Welsh dashboard; the exchange and event logs read in Welsh. Each
// page passes axe. The journey creates its own user: the demo accounts keep English. The Welsh
// assertions use the words of messages/account, messages/confirmations and messages/activity.
import type { Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { expect, signInAs, submitSignIn, test, uniqueEmail, uniqueName } from "./fixtures";

const PASSWORD = "languages-e2e-password-2026";

/** Creates a staff user through /admin/users as the demo admin. */
async function createUser(admin: Page, name: string, email: string): Promise<void> {
  await signInAs(admin, "ADMIN");
  await admin.goto("/admin/users");
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("heading", { name, level: 1 })).toBeVisible();
}

test("a user chooses Cymraeg on /account, lands in Welsh, and signing in again lands in Welsh", async ({ page, browser }) => {
  // Two sign-ins, two language changes and three axe runs: longer than one journey's default.
  test.setTimeout(180_000);
  const email = uniqueEmail("cymraeg");
  await createUser(page, uniqueName("Gwen Gymraeg"), email);

  const own = await (await browser.newContext()).newPage();
  await submitSignIn(own, email, PASSWORD);
  await expect(own.getByRole("button", { name: "Sign out" })).toBeVisible();
  await own.goto("/account");
  const language = own.getByRole("group", { name: "Your language" });
  // Each language is named in itself.
  await expect(language.getByLabel("English")).toBeChecked();
  await language.getByLabel("Cymraeg").check();
  await own.getByRole("button", { name: "Save language" }).click();

  await expect(own).toHaveURL(/\/cy\/account\?done=language$/);
  await expect(own.getByRole("heading", { name: "Eich cyfrif", level: 1 })).toBeVisible();
  await expect(own.getByText("Mae eich iaith wedi'i chadw.")).toBeVisible();
  await expect(own.locator("html")).toHaveAttribute("lang", "cy-GB");
  await expect(own.getByRole("group", { name: "Eich iaith" }).getByLabel("Cymraeg")).toBeChecked();
  expect(await axeViolations(own)).toEqual([]);

  await own.getByRole("button", { name: "Allgofnodi" }).click();
  await expect(own.getByRole("button", { name: "Allgofnodi" })).toBeHidden();
  // The English sign-in page, with no language in the return address: the user's own language wins.
  await submitSignIn(own, email, PASSWORD);
  await expect(own).toHaveURL(/\/cy\/dashboard$/);
  await expect(own.getByRole("button", { name: "Allgofnodi" })).toBeVisible();

  await own.goto("/cy/exchanges");
  await expect(own.getByRole("heading", { name: "Cyfnewidiadau", level: 1 })).toBeVisible();
  await expect(own.getByRole("link", { name: "Cofnodi cyfnewid" })).toHaveAttribute("href", "/cy/exchanges/new");
  expect(await axeViolations(own)).toEqual([]);

  await own.goto("/cy/events");
  await expect(own.getByRole("heading", { name: "Digwyddiadau", level: 1 })).toBeVisible();
  await expect(own.getByRole("heading", { name: "Ffrwd calendr", level: 2 })).toBeVisible();
  expect(await axeViolations(own)).toEqual([]);

  // Back to English: the account page in English again.
  await own.goto("/cy/account");
  await own.getByRole("group", { name: "Eich iaith" }).getByLabel("English").check();
  await own.getByRole("button", { name: "Cadw'r iaith" }).click();
  await expect(own).toHaveURL(/\/account\?done=language$/);
  await expect(own).not.toHaveURL(/\/cy\//);
  await expect(own.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await own.context().close();
});
