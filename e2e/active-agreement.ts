// An Active agreement of a journey's own, made through the UI as it happens in the office: drafted
// and submitted by the officer, approved by the councillors (one or two, as the council's quorum asks).
import type { Browser, Page } from "@playwright/test";
import { decide } from "./approvals";
import { expect, signInAs, type DemoAccount } from "./fixtures";

/** A page of a fresh browser context, signed in as `account`. */
export async function signedIn(browser: Browser, account: DemoAccount, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await signInAs(page, account);
  return page;
}

/** Drafts, submits and approves a link with `partner`; returns the agreement page's path. */
export async function activeAgreement(browser: Browser, partner: string): Promise<string> {
  const officer = await signedIn(browser, "STAFF");
  await officer.goto("/agreements/new");
  await officer.getByLabel("Partner name").fill(partner);
  await officer.getByLabel("Country").selectOption({ label: "Germany" });
  await officer.getByLabel("Purpose").fill("Schools and choirs visit each other.");
  await officer.getByRole("button", { name: "Save draft" }).click();
  await expect(officer.getByText("Status: Draft")).toBeVisible();
  const path = new URL(officer.url()).pathname;
  await officer.getByRole("button", { name: "Submit for approval" }).click();
  await officer.getByLabel("Reason", { exact: true }).fill("Both towns asked for the link.");
  await officer.getByRole("button", { name: "Submit for approval" }).click();
  await expect(officer.getByText("Status: Pending approval")).toBeVisible();
  await officer.context().close();

  // Two councillors: the council may need two approvals.
  for (const account of ["COUNCILLOR", "COUNCILLOR2"] as const) {
    const councillor = await signedIn(browser, account);
    const approved = (await decide(councillor, partner, "Approve")).startsWith("Approved.");
    await councillor.context().close();
    if (approved) return path;
  }
  throw new Error(`${partner} was not approved`);
}
