// The office at a glance, per role (issue 21 item 7), on the demo data: an officer's own drafts,
// Dresden's review (eight weeks after the demo was seeded) due, the demo's events to come, Belgrade
// and Ankh-Morpork dormant; a councillor's proposals awaiting their vote (the demo's Mariupol);
// an admin's locked accounts, failed emails and decision record beside the staff panels their
// role also gives them. For each role, every link the dashboard shows opens for them: none answers
// 403, 404 or a server error.
import type { Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { expect, signInAs, test, uniquePartnerName } from "./fixtures";

const OFFICER_PANELS = ["My drafts", "Returned to you", "Your proposals awaiting a decision", "Reviews due within 90 days or overdue", "Upcoming events", "Dormant partnerships"];
const ADMIN_PANELS = ["Locked accounts", "Failed emails", "Decision record", "Scheduled jobs"];

/** A panel of the dashboard: a region named by its heading. */
function panel(page: Page, heading: string) {
  return page.getByRole("region", { name: heading, exact: true });
}

async function expectPanels(page: Page, shown: readonly string[], hidden: readonly string[]): Promise<void> {
  for (const heading of shown) await expect(panel(page, heading), heading).toBeVisible();
  for (const heading of hidden) await expect(panel(page, heading), heading).toHaveCount(0);
}

/** Requests every link of the page (this site's, without their #fragment) with the viewer's session: none may answer 4xx or 5xx. */
async function expectEveryLinkOpens(page: Page): Promise<void> {
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const paths = [...new Set(hrefs.filter((href) => href.startsWith("/") && !href.startsWith("//")).map((href) => href.replace(/#.*$/s, "")))];
  expect(paths.length).toBeGreaterThan(10);
  // A few at a time: the server has two cores.
  for (let start = 0; start < paths.length; start += 4) {
    await Promise.all(
      paths.slice(start, start + 4).map(async (path) => {
        const response = await page.request.get(path, { maxRedirects: 0 });
        expect.soft(response.status(), path).toBeLessThan(400);
      }),
    );
  }
}

test("an officer's dashboard: their drafts, reviews due, events to come and dormant links, each link opening", async ({ page }) => {
  await signInAs(page, "STAFF");
  const partner = uniquePartnerName();
  await page.goto("/agreements/new");
  await page.getByLabel("Partner name").fill(partner);
  await page.getByLabel("Country").selectOption({ label: "France" });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Status: Draft")).toBeVisible();
  const draftPath = new URL(page.url()).pathname;

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expectPanels(page, OFFICER_PANELS, ["Awaiting your vote", "Awaiting your decision", ...ADMIN_PANELS]);
  const drafts = panel(page, "My drafts");
  await expect(drafts.getByRole("link", { name: new RegExp(partner) })).toHaveAttribute("href", draftPath);
  await expect(drafts.getByText(/^Total: \d+/)).toBeVisible();
  await expect(panel(page, "Reviews due within 90 days or overdue").getByRole("link", { name: "Dresden" })).toBeVisible();
  // The demo's events to come (other journeys may have planned sooner ones): each opens for editing.
  await expect(panel(page, "Upcoming events").getByRole("listitem").getByRole("link").first()).toHaveAttribute("href", /^\/events\/[^/]+\/edit$/);
  const dormant = panel(page, "Dormant partnerships");
  await expect(dormant.getByRole("link", { name: "Belgrade" })).toBeVisible();
  await expect(dormant.getByRole("link", { name: "Ankh-Morpork" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Exchanges per year, all partners" }).getByRole("img")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await expectEveryLinkOpens(page);

  await dormant.getByRole("link", { name: "Belgrade" }).click();
  await expect(page.getByText("Dormant", { exact: true })).toBeVisible();
});

test("a councillor's dashboard: the proposals awaiting their vote, linked to their cards, and no officer's panel", async ({ page }) => {
  await signInAs(page, "COUNCILLOR");
  await page.goto("/dashboard");
  await expectPanels(page, ["Awaiting your vote"], ["Awaiting your decision", ...OFFICER_PANELS, ...ADMIN_PANELS]);
  const awaiting = panel(page, "Awaiting your vote");
  await expect(awaiting.getByText(/^Total: \d+/)).toBeVisible();
  const mariupol = awaiting.getByRole("link", { name: /Mariupol/ });
  await expect(mariupol).toHaveAttribute("href", /^\/approvals#proposal-[0-9a-f-]+$/);
  expect(await axeViolations(page)).toEqual([]);
  await expectEveryLinkOpens(page);

  await mariupol.click();
  const card = page.getByRole("region", { name: /Mariupol/ });
  await expect(card.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
  expect(new URL(page.url()).hash).toMatch(/^#proposal-/);
});

test("an admin's dashboard: locked accounts, failed emails and the decision record, beside the staff panels their role gives them", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/dashboard");
  await expectPanels(page, [...ADMIN_PANELS, ...OFFICER_PANELS], ["Awaiting your vote", "Awaiting your decision"]);
  const record = panel(page, "Decision record");
  await expect(record.getByText(/^Verified: [\d,]+ decisions?, each matching its hash/)).toBeVisible();
  await expect(record.getByRole("link", { name: "Audit log" })).toHaveAttribute("href", "/admin/audit");
  await expect(panel(page, "Failed emails").getByRole("link", { name: "Failed emails in the outbox" })).toHaveAttribute("href", "/admin/outbox?status=FAILED");
  // The e2e server runs the jobs itself, a first round seconds after it starts.
  await expect(panel(page, "Scheduled jobs").getByText(/^Last ran /)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await expectEveryLinkOpens(page);
});
