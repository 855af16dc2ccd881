// Shared helpers for the end-to-end journeys: signing in through the real /login form, and
// names that never clash between tests or runs (the suite may run against a database that
// already holds earlier runs' rows).
import { randomBytes } from "node:crypto";
import { expect, type BrowserContext, type Cookie, type Page, type Response } from "@playwright/test";
import { safeReturnPath } from "../lib/domain/validation/auth";
import { DEACTIVATED_ACCOUNT, DEMO_ACCOUNTS, DEMO_PASSWORD } from "../scripts/lib/e2e-accounts";

export { test } from "./browser-problems";
export { expect };
export { DEACTIVATED_ACCOUNT, DEMO_ACCOUNTS, DEMO_PASSWORD };

/** A demo account: one per role, and a second councillor (for the quorum and four-eyes rule). */
export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

/** Fills in and submits the sign-in form; does not check the outcome. */
export async function submitSignIn(page: Page, email: string, password: string, options: { callbackUrl?: string } = {}): Promise<void> {
  await page.goto(options.callbackUrl ? `/login?callbackUrl=${encodeURIComponent(options.callbackUrl)}` : "/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * The session cookie each demo account got from its last real sign-in in this worker. Journeys
 * sign in dozens of times; each account goes through /login once and later journeys reuse its
 * cookie, which the server checks on every request like any other (a password reset or a
 * deactivation ends it, and then the account signs in through /login again).
 */
const sessions = new Map<DemoAccount, Cookie[]>();

/**
 * Signs in as a demo account and waits until the session is in place, on the page sign-in lands on
 * (`callbackUrl`, else the dashboard). Returns the response of that page when a saved session was
 * reused (one navigation, straight to it), null after a sign-in through /login.
 */
export async function signInAs(page: Page, account: DemoAccount, options: { callbackUrl?: string } = {}): Promise<Response | null> {
  const signOutButton = page.getByRole("button", { name: "Sign out" });
  const saved = sessions.get(account);
  if (saved) {
    await page.context().addCookies(saved);
    const response = await page.goto(safeReturnPath(options.callbackUrl));
    if (await signOutButton.isVisible()) return response;
    await page.context().clearCookies();
    sessions.delete(account);
  }
  await submitSignIn(page, DEMO_ACCOUNTS[account].email, DEMO_PASSWORD, options);
  await expect(signOutButton).toBeVisible();
  sessions.set(account, (await page.context().cookies()).filter((cookie) => cookie.name.endsWith("next-auth.session-token")));
  return null;
}

/**
 * Signs a browser context in as a demo account for its requests only (server actions posted with
 * `context.request`): the saved session, if the server still takes it, opens no page at all;
 * otherwise a page signs in through /login once and closes.
 */
export async function signInContext(context: BrowserContext, account: DemoAccount): Promise<void> {
  const saved = sessions.get(account);
  if (saved) {
    await context.addCookies(saved);
    const session = (await (await context.request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
    if (session?.user?.email === DEMO_ACCOUNTS[account].email) return;
    await context.clearCookies();
    sessions.delete(account);
  }
  const page = await context.newPage();
  await signInAs(page, account);
  await page.close();
}

/** Signs out with the header's button. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
}

let counter = 0;

/** A name no other test or run has used, e.g. uniqueName("Partner") → "Partner 1k3x9a-2f". */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)}${randomBytes(2).toString("hex")}-${counter}`;
}

/** A unique partner town name that reads like one. */
export function uniquePartnerName(): string {
  return uniqueName("Testville");
}

/** A unique email address at a reserved domain. */
export function uniqueEmail(prefix = "user"): string {
  return `${uniqueName(prefix).toLowerCase().replace(/[^a-z0-9-]+/g, "-")}@test.example`;
}
