// The heart of the product, end to end: a link is drafted, approved, shown to the public,
// proposed for suspension, rejected once, proposed again and suspended by a quorum of two. It sets
// the council's quorum for a while, so it runs with the shared-state journeys; the agreement form's
// rules that need no council setting are agreement-forms.spec.ts's, beside the other journeys.
import { type Browser, type Page } from "@playwright/test";
import { decide } from "./approvals";
import { expect, signInAs, test, uniquePartnerName, type DemoAccount } from "./fixtures";

async function as(browser: Browser, account: DemoAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

async function setApprovalsNeeded(admin: Page, count: number) {
  await admin.goto("/admin/settings");
  await admin.getByLabel("Approvals needed").fill(String(count));
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByText("Settings saved.")).toBeVisible();
}

async function propose(page: Page, agreementUrl: string, label: string, reason: string, publicReason: string) {
  await page.goto(agreementUrl);
  await page.getByRole("button", { name: label }).click();
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await page.getByLabel("Public reason").fill(publicReason);
  await page.getByLabel("Decision reference").fill("Cabinet 2026/99");
  await page.getByRole("button", { name: label }).click();
  await expect(page.getByText(/proposed\. Councillors have been asked to decide/)).toBeVisible();
}

test("a link is drafted, approved, published, and suspended by a quorum of two", async ({ browser }) => {
  test.setTimeout(240_000);
  const partner = uniquePartnerName();
  const officer = await as(browser, "STAFF");
  const councillor = await as(browser, "COUNCILLOR");
  const councillor2 = await as(browser, "COUNCILLOR2");
  const admin = await as(browser, "ADMIN");

  try {
    // Officer drafts.
    await officer.goto("/agreements/new");
    await officer.getByLabel("Partner name").fill(partner);
    await officer.getByLabel("Country").selectOption({ label: "Poland" });
    await officer.getByLabel("Region").fill("Łódź Voivodeship");
    await officer.getByLabel("Locality type").selectOption({ label: "City" });
    await officer.getByLabel("Relationship type").selectOption({ label: "Sister city" });
    await officer.getByLabel("Link began").fill("1998-05-01");
    await officer.getByLabel("Formalised on").fill("2001-09-12");
    await officer.getByLabel("Purpose").fill("Textile heritage and youth exchange.");
    await officer.getByLabel("Culture").check();
    await officer.getByLabel("Public summary").fill(`Our sister city ${partner}.`);
    await officer.getByLabel("Latitude").fill("51.7592");
    await officer.getByLabel("Longitude").fill("19.4560");
    await officer.getByRole("button", { name: "Save draft" }).click();
    await expect(officer.getByText("Status: Draft")).toBeVisible();
    const agreementUrl = new URL(officer.url()).pathname;

    // Officer submits; the councillor approves.
    await officer.getByRole("button", { name: "Submit for approval" }).click();
    await officer.getByLabel("Reason", { exact: true }).fill("A long-standing friendship between two textile cities.");
    await officer.getByRole("button", { name: "Submit for approval" }).click();
    await expect(officer.getByText("Status: Pending approval")).toBeVisible();
    await decide(councillor, partner, "Approve", { reason: "Welcome." });
    await officer.goto(agreementUrl);
    await expect(officer.getByText("Status: Active")).toBeVisible();
    await expect(officer.getByText("Not confirmed by partner")).toBeVisible();

    // It is public.
    const resident = await (await browser.newContext()).newPage();
    await resident.goto("/partners");
    await expect(resident.getByRole("link", { name: partner }).first()).toBeVisible();

    // A suspension is proposed and rejected once: still Active.
    await propose(officer, agreementUrl, "Propose suspension", "Review of the link after a complaint.", "Paused while the link is reviewed.");
    await expect(officer.getByText("Proposed: suspension")).toBeVisible();
    await decide(councillor, partner, "Reject", { reason: "The complaint has been resolved." });
    await officer.goto(agreementUrl);
    await expect(officer.getByText("Status: Active")).toBeVisible();
    await expect(officer.getByText("Proposed: suspension")).toHaveCount(0);

    // Proposed again, with two approvals needed: one approval is not enough, two are.
    await setApprovalsNeeded(admin, 2);
    const publicReason = `Paused in 2026 while the partnership with ${partner} is reviewed.`;
    await propose(officer, agreementUrl, "Propose suspension", "The partner council has been dissolved.", publicReason);
    await decide(councillor, partner, "Approve", { reason: "Agreed." });
    await officer.goto(agreementUrl);
    await expect(officer.getByText("Status: Active")).toBeVisible();
    await decide(councillor2, partner, "Approve", { reason: "Agreed." });
    await officer.goto(agreementUrl);
    await expect(officer.getByText("Status: Suspended")).toBeVisible();
    await expect(officer.getByRole("list", { name: "Decision timeline" })).toContainText("Cabinet 2026/99");

    // The public sees it under paused partnerships, with the public reason only.
    await resident.goto("/partners");
    const paused = resident.getByRole("region", { name: "Paused and former partnerships" });
    await expect(paused).toContainText(partner);
    await expect(paused).toContainText(publicReason);
    await expect(resident.getByText("The partner council has been dissolved.")).toHaveCount(0);
  } finally {
    await setApprovalsNeeded(admin, 1);
  }
});
