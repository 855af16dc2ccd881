// Two-step verification in the browser (issue 20 item 5): a user created for the journey sets it up
// on /account, reading the key shown as text and computing the code here with otpauth, as an
// authenticator app would; signs out and in again with the password and a computed code (a wrong
// code is refused, naming the field); a recovery code signs in once. Axe on each new state.
import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { axeViolations } from "./axe";
import { expect, signInAs, signOut, submitSignIn, test, uniqueEmail, uniqueName } from "./fixtures";

const PASSWORD = "two-step-e2e-password-2026";

/** The code an authenticator app shows for `key` at `time`. */
function codeFor(key: string, time: number): string {
  return new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, "")), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: time });
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel("Verification code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a user sets up two-step verification, then signs in with a computed code, and once with a recovery code", async ({ page, browser }) => {
  const name = uniqueName("Two-step user");
  const email = uniqueEmail("two-step");
  await signInAs(page, "ADMIN");
  await page.goto("/admin/users");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  const user = await (await browser.newContext()).newPage();
  await submitSignIn(user, email, PASSWORD, { callbackUrl: "/account" });
  await expect(user.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
  await user.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(user.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  expect(await axeViolations(user)).toEqual([]);
  const key = (await user.getByTestId("two-step-secret").textContent()) ?? "";
  await user.getByLabel("Verification code", { exact: true }).fill(codeFor(key, Date.now()));
  await user.getByRole("button", { name: "Turn on two-step verification" }).click();
  const codes = user.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent()) ?? "";
  await expect(user.getByText(/^Two-step verification is on \(since/)).toBeVisible();
  expect(await axeViolations(user)).toEqual([]);
  await signOut(user);

  // Password, then a code: none before it; a wrong one is refused, naming the field.
  await submitSignIn(user, email, PASSWORD);
  await expect(user.getByLabel("Verification code", { exact: true })).toBeVisible();
  await expect(user.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  expect(await axeViolations(user)).toEqual([]);
  // The next step's code: the one that turned it on (this step's) is spent.
  const next = codeFor(key, Date.now() + 30_000);
  await enterCode(user, next === "000000" ? "111111" : "000000");
  await expect(user.getByRole("link", { name: /^Verification code is not right/ })).toBeVisible();
  expect(await axeViolations(user)).toEqual([]);
  await enterCode(user, next);
  await expect(user.getByRole("button", { name: "Sign out" })).toBeVisible();
  await signOut(user);

  // A recovery code works once.
  await submitSignIn(user, email, PASSWORD);
  await enterCode(user, recoveryCode);
  await expect(user.getByRole("button", { name: "Sign out" })).toBeVisible();
  await signOut(user);
  await submitSignIn(user, email, PASSWORD);
  await enterCode(user, recoveryCode);
  await expect(user.getByRole("link", { name: /^Verification code is not right/ })).toBeVisible();
});
