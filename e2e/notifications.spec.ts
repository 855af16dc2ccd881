// Email notifications in the demo (no SMTP configured): what an officer's submission queues in
// the outbox, who gets it, a councillor's choice at /account, and the count of proposals awaiting
// a councillor's decision in the navigation.
import { type Browser, type Page } from "@playwright/test";
import { submitForApproval } from "./active-agreement";
import { decide } from "./approvals";
import { axeViolations } from "./axe";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, signInAs, submitSignIn, test, uniqueEmail, uniqueName, uniquePartnerName, type DemoAccount } from "./fixtures";

async function as(browser: Browser, account: DemoAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

/** Drafts an agreement and submits it for approval (the pages' own walk is agreement-lifecycle.spec.ts's). */
function draftAndSubmit(officer: Page, partner: string): Promise<string> {
  return submitForApproval(officer, partner, { purpose: "Choirs and football clubs visit each other every summer.", reason: "Both choirs asked the council to make the link formal." });
}

/** The outbox rows about this partner (the messages' subjects name the agreement). */
async function outboxRows(admin: Page, partner: string) {
  await admin.goto("/admin/outbox");
  await expect(admin.getByRole("heading", { name: "Email outbox", level: 1 })).toBeVisible();
  return admin.getByRole("table", { name: "Outbox messages, newest first" }).getByRole("row").filter({ hasText: partner });
}

/** The main navigation's link to /approvals, whose name carries the count when there is one. */
function approvalsLink(page: Page) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Approvals/ });
}

/**
 * Turns a kind of email on at /account if it is off. Other journeys may have changed a demo
 * account's choices (the authorization suite calls every action, this one included, as each
 * role), so this journey sets what it relies on, as the user would.
 */
async function receive(page: Page, kind: "New proposals to decide" | "Decisions on my proposals and links"): Promise<void> {
  await page.goto("/account");
  const preferences = page.getByRole("form", { name: "Email preferences" });
  const checkbox = preferences.getByRole("checkbox", { name: new RegExp(`^${kind}`) });
  if (await checkbox.isChecked()) return;
  await checkbox.check();
  await preferences.getByRole("button", { name: "Save email preferences" }).click();
  await expect(page.getByText("Your email preferences are saved.")).toBeVisible();
}

async function awaitingCount(page: Page): Promise<number> {
  await page.goto("/dashboard");
  const text = (await approvalsLink(page).textContent()) ?? "";
  return Number(/(\d+) awaiting your decision/.exec(text)?.[1] ?? 0);
}

async function expectAwaiting(page: Page, count: number) {
  await page.goto("/dashboard");
  await expect(approvalsLink(page)).toHaveAccessibleName(count === 0 ? "Approvals" : new RegExp(`^Approvals\\s*,\\s*${count} awaiting your decision$`));
}

test("an officer's submission is queued for both councillors, not the proposer, and counted in their navigation", async ({ browser }) => {
  test.setTimeout(180_000);
  const partner = uniquePartnerName();
  const [officer, councillor, councillor2, admin] = [await as(browser, "STAFF"), await as(browser, "COUNCILLOR"), await as(browser, "COUNCILLOR2"), await as(browser, "ADMIN")];
  await receive(councillor, "New proposals to decide");
  await receive(councillor2, "New proposals to decide");
  await receive(officer, "Decisions on my proposals and links");
  const before = { councillor: await awaitingCount(councillor), councillor2: await awaitingCount(councillor2) };

  await draftAndSubmit(officer, partner);

  const rows = await outboxRows(admin, partner);
  await expect(admin.getByText("SMTP is not configured on this server")).toBeVisible();
  for (const account of ["COUNCILLOR", "COUNCILLOR2"] as const) {
    const row = rows.filter({ hasText: DEMO_ACCOUNTS[account].email });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(DEMO_ACCOUNTS[account].name);
    await expect(row.getByRole("cell").nth(2)).toHaveText("New proposals to decide");
    await expect(row).toContainText("Pending");
    // The message itself: the agreement, the reason, and where to decide and to opt out.
    await row.getByText(/^Decision needed: approval/).click();
    const body = row.locator("pre");
    await expect(body).toContainText(partner);
    await expect(body).toContainText("Both choirs asked the council to make the link formal.");
    await expect(body).toContainText("/approvals");
    await expect(body).toContainText("/account");
  }
  await expect(rows.filter({ hasText: DEMO_ACCOUNTS.STAFF.email })).toHaveCount(0);
  await expect(rows.filter({ hasText: DEMO_ACCOUNTS.ADMIN.email })).toHaveCount(0);

  // Each councillor's navigation counts one more proposal awaiting their decision; the officer's has no Approvals link.
  await expectAwaiting(councillor, before.councillor + 1);
  await expectAwaiting(councillor2, before.councillor2 + 1);
  await officer.goto("/dashboard");
  await expect(approvalsLink(officer)).toHaveCount(0);

  // One approval carries it (the quorum is 1): the count drops for both, and the proposer is told.
  await decide(councillor, partner, "Approve", { reason: "A welcome link." });
  await expectAwaiting(councillor, before.councillor);
  await expectAwaiting(councillor2, before.councillor2);
  const decided = (await outboxRows(admin, partner)).filter({ hasText: "Decisions on my proposals and links" });
  await expect(decided).toHaveCount(1);
  await expect(decided).toContainText(DEMO_ACCOUNTS.STAFF.email);
  await expect(decided).toContainText(/Approved: approval/);
});

test("a councillor who turns new proposals off at /account gets none", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await as(browser, "ADMIN");
  const officer = await as(browser, "STAFF");
  for (const account of ["COUNCILLOR", "COUNCILLOR2"] as const) await receive(await as(browser, account), "New proposals to decide");
  // A councillor of this test's own, so the demo councillors' choices stay as they are for other journeys.
  const name = uniqueName("Cllr Quiet");
  const email = uniqueEmail("cllr-quiet");
  await admin.goto("/admin/users");
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption({ label: "Councillor" });
  await admin.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("heading", { name, level: 1 })).toBeVisible();

  // While it is on, they are asked like every councillor.
  const first = uniquePartnerName();
  await draftAndSubmit(officer, first);
  await expect((await outboxRows(admin, first)).filter({ hasText: email })).toHaveCount(1);

  const quiet = await (await browser.newContext()).newPage();
  await submitSignIn(quiet, email, DEMO_PASSWORD);
  await expect(quiet.getByRole("button", { name: "Sign out" })).toBeVisible();
  await quiet.goto("/account");
  const preferences = quiet.getByRole("form", { name: "Email preferences" });
  const proposals = preferences.getByRole("checkbox", { name: /^New proposals to decide/ });
  await expect(proposals).toBeChecked();
  expect(await axeViolations(quiet)).toEqual([]);
  await proposals.uncheck();
  await preferences.getByRole("button", { name: "Save email preferences" }).click();
  await expect(quiet.getByText("Your email preferences are saved.")).toBeVisible();
  await quiet.reload();
  await expect(quiet.getByRole("checkbox", { name: /^New proposals to decide/ })).not.toBeChecked();
  await expect(quiet.getByRole("checkbox", { name: /^Reminders about proposals still open/ })).toBeChecked();

  // The admin sees the choice…
  await admin.goto("/admin/outbox");
  const choices = admin.getByRole("table", { name: "Email kinds each user receives" }).getByRole("row").filter({ hasText: email });
  await expect(choices.getByRole("cell").nth(1)).toHaveText("Off");
  await expect(choices.getByRole("cell").nth(2)).toHaveText("On");

  // …and the next submission reaches both demo councillors but not them.
  const second = uniquePartnerName();
  await draftAndSubmit(officer, second);
  const rows = await outboxRows(admin, second);
  await expect(rows.filter({ hasText: DEMO_ACCOUNTS.COUNCILLOR.email })).toHaveCount(1);
  await expect(rows.filter({ hasText: DEMO_ACCOUNTS.COUNCILLOR2.email })).toHaveCount(1);
  await expect(rows.filter({ hasText: email })).toHaveCount(0);
  // In the app it still awaits their decision: the choice is about email only.
  await quiet.goto("/approvals");
  await expect(quiet.getByRole("region", { name: new RegExp(second) })).toBeVisible();
});
