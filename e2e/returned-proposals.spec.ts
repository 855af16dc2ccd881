// Returned proposals (issue 21 item 4): a councillor rejects a submission and is told it went back
// to draft; the officer finds it under "Returned to you" on the dashboard with the reason; submitting
// again starts from the rejected proposal's words; the councillors deciding it see the earlier
// rejection and its votes; once submitted again it is no longer "returned".
import type { Browser, Page } from "@playwright/test";
import { decide } from "./approvals";
import { axeViolations } from "./axe";
import { expect, signInAs, test, uniquePartnerName, type DemoAccount } from "./fixtures";

async function signedIn(browser: Browser, account: DemoAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

test("a rejected submission is returned to its officer with the reason, and resubmitted from its own words", async ({ browser }) => {
  const partner = uniquePartnerName();
  const reason = "The twinning association asked for the link at its annual meeting.";
  const rejection = `Ask ${partner} to confirm the school exchange first.`;
  const officer = await signedIn(browser, "STAFF");
  const councillor = await signedIn(browser, "COUNCILLOR");

  await officer.goto("/agreements/new");
  await officer.getByLabel("Partner name").fill(partner);
  await officer.getByLabel("Country").selectOption({ label: "France" });
  await officer.getByLabel("Purpose").fill("Schools and choirs visit each other.");
  await officer.getByRole("button", { name: "Save draft" }).click();
  await expect(officer.getByText("Status: Draft")).toBeVisible();
  const agreementPath = new URL(officer.url()).pathname;
  await officer.getByRole("button", { name: "Submit for approval" }).click();
  await officer.getByLabel("Reason", { exact: true }).fill(reason);
  await officer.getByRole("button", { name: "Submit for approval" }).click();
  await expect(officer.getByText("Status: Pending approval")).toBeVisible();

  expect(await decide(councillor, partner, "Reject", { reason: rejection })).toContain("Rejected. The agreement has been returned to draft");

  await officer.goto("/dashboard");
  const returned = officer.getByRole("region", { name: "Returned to you" });
  const item = returned.getByRole("listitem").filter({ hasText: partner });
  await expect(item).toContainText(`${partner}: approval rejected`);
  await expect(item).toContainText(rejection);
  expect(await axeViolations(officer)).toEqual([]);
  await item.getByRole("link", { name: new RegExp(partner) }).click();
  await expect(officer).toHaveURL(new RegExp(`${agreementPath}$`));
  await expect(officer.getByText("Status: Draft")).toBeVisible();

  await officer.getByRole("button", { name: "Submit for approval" }).click();
  await expect(officer.getByText("These fields start from your last proposal, which councillors rejected")).toBeVisible();
  await expect(officer.getByLabel("Reason", { exact: true })).toHaveValue(reason);
  await officer.getByLabel("Reason", { exact: true }).fill(`${reason} The partner has now confirmed the school exchange.`);
  await officer.getByRole("button", { name: "Submit for approval" }).click();
  await expect(officer.getByText("Status: Pending approval")).toBeVisible();

  await officer.goto("/dashboard");
  await expect(officer.getByRole("region", { name: "Returned to you" }).getByText(partner)).toHaveCount(0);

  await councillor.goto("/approvals");
  const again = councillor.getByRole("region", { name: new RegExp(partner) });
  await again.getByText("An earlier proposal on this link was rejected").click();
  await expect(again).toContainText(rejection);
});
