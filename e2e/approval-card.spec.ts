// What a councillor needs to decide (issue 21 item 5), without JavaScript: the approval card shows
// the agreement's purpose, the public summary that would be published, its themes, the partner and
// its confirmation, the cost of its exchanges so far and its earlier decisions; "Approve" and
// "Reject" ask for confirmation before anything is recorded.
import { decide, approvalCard } from "./approvals";
import { signedIn } from "./active-agreement";
import { axeViolations } from "./axe";
import { expect, test, uniquePartnerName } from "./fixtures";
import type { Page } from "@playwright/test";

/** axe needs JavaScript: the page the JavaScript-less one shows, in a browser that has it, after `act`. */
async function axeOn(page: Page, shown: Page, act: (page: Page) => Promise<void> = async () => {}): Promise<string[]> {
  await page.goto(shown.url());
  await act(page);
  return axeViolations(page);
}

test("the approval card shows what there is to decide, and Approve and Reject ask for confirmation without JavaScript", async ({ browser }) => {
  test.setTimeout(180_000);
  const partner = uniquePartnerName();
  const officer = await signedIn(browser, "STAFF");
  const councillor = await signedIn(browser, "COUNCILLOR", { javaScriptEnabled: false });
  const withScript = await signedIn(browser, "COUNCILLOR");

  await officer.goto("/agreements/new");
  await officer.getByLabel("Partner name").fill(partner);
  await officer.getByLabel("Country").selectOption({ label: "Germany" });
  await officer.getByLabel("Region").fill("Schleswig-Holstein");
  await officer.getByLabel("Purpose").fill("Sailing clubs and schools visit each other.");
  await officer.getByLabel("Culture").check();
  await officer.getByLabel("Education").check();
  await officer.getByLabel("Public summary").fill(`Our harbour town's friend ${partner}.`);
  await officer.getByRole("button", { name: "Save draft" }).click();
  await expect(officer.getByText("Status: Draft")).toBeVisible();
  const agreementPath = new URL(officer.url()).pathname;
  await officer.getByRole("button", { name: "Submit for approval" }).click();
  await officer.getByLabel("Reason", { exact: true }).fill("Both harbours asked for the link.");
  await officer.getByRole("button", { name: "Submit for approval" }).click();
  await expect(officer.getByText("Status: Pending approval")).toBeVisible();

  // The card: the terms as they would be published, the partner, not yet confirmed, no costs.
  await councillor.goto("/approvals");
  let card = approvalCard(councillor, partner);
  await expect(card).toContainText("Sailing clubs and schools visit each other.");
  await expect(card).toContainText(`Our harbour town's friend ${partner}.`);
  await expect(card).toContainText(/Themes\s*(Culture, Education|Education, Culture)/);
  await expect(card).toContainText(`${partner}, Germany, Schleswig-Holstein`);
  await expect(card).toContainText("Not confirmed by partner");
  await expect(card).toContainText(/Cost of exchanges so far\s*None recorded/);

  // Approve asks first: nothing is recorded until "Confirm approval"; Cancel goes back.
  await card.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(councillor).toHaveURL(/[?&]confirm=[0-9a-f-]+&decision=approve/);
  card = approvalCard(councillor, partner);
  await expect(card.getByText("You are approving this proposal.")).toBeVisible();
  await expect(card.getByRole("button", { name: "Confirm approval" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  expect(await axeOn(withScript, councillor)).toEqual([]);
  await card.getByRole("link", { name: "Cancel" }).click();
  await expect(approvalCard(councillor, partner).getByRole("button", { name: "Approve", exact: true })).toBeVisible();
  await officer.goto(agreementPath);
  await expect(officer.getByText("Status: Pending approval")).toBeVisible();

  await approvalCard(councillor, partner).getByRole("button", { name: "Approve", exact: true }).click();
  await approvalCard(councillor, partner).getByLabel("Reason").fill("A welcome link.");
  await approvalCard(councillor, partner).getByRole("button", { name: "Confirm approval" }).click();
  const outcome = councillor.getByRole("status").filter({ hasText: /^(Approved\.|Your approval is recorded\.)/ });
  await expect(outcome).toBeVisible();
  // A council that needs two approvals: the second councillor (with JavaScript) carries it.
  if (!(await outcome.innerText()).startsWith("Approved.")) await decide(await signedIn(browser, "COUNCILLOR2"), partner, "Approve");

  // Active: the partner confirms, an exchange is logged, and a suspension proposed.
  await officer.goto(agreementPath);
  await expect(officer.getByText("Status: Active")).toBeVisible();
  await officer.getByRole("button", { name: "Record partner confirmation" }).click();
  const confirmation = officer.getByRole("form", { name: "Record partner confirmation" });
  await confirmation.getByLabel("Partner decision date").fill("2026-03-12");
  await confirmation.getByLabel("Partner decision reference").fill("Ratsversammlung 2026/31");
  await confirmation.getByRole("button", { name: "Record confirmation" }).click();
  await expect(officer.getByText("The partner's confirmation has been recorded.")).toBeVisible();
  await officer.goto("/exchanges/new");
  await officer.getByLabel("Agreement").selectOption({ label: partner });
  await officer.getByLabel("Kind of exchange").selectOption({ label: "School or youth exchange" });
  await officer.getByLabel("Direction").selectOption({ label: "Outbound" });
  await officer.getByLabel("Start date").fill("2026-07-06");
  await officer.getByLabel("Who took part").fill("Two sailing clubs");
  await officer.getByLabel("Cost", { exact: true }).fill("1,250.50");
  await officer.getByRole("button", { name: "Save exchange" }).click();
  await expect(officer.getByText("The exchange has been logged.", { exact: false })).toBeVisible();
  await officer.goto(agreementPath);
  await officer.getByRole("button", { name: "Propose suspension" }).click();
  await officer.getByLabel("Reason", { exact: true }).fill("The partner council was dissolved.");
  await officer.getByLabel("Public reason").fill("Paused while the partner council is re-formed.");
  await officer.getByRole("button", { name: "Propose suspension" }).click();
  await expect(officer.getByText(/proposed\. Councillors have been asked to decide/)).toBeVisible();

  await councillor.goto("/approvals");
  card = approvalCard(councillor, partner);
  await expect(card).toContainText("Confirmed by the partner council on 12 March 2026, reference Ratsversammlung 2026/31");
  await expect(card).toContainText(/Cost of exchanges so far\s*£1,250\.50/);
  await card.getByText(/decisions on this link so far/).click();
  await expect(card.getByRole("list", { name: "Decision timeline" })).toContainText("Partner confirmation recorded");
  expect(await axeOn(withScript, councillor, (page) => approvalCard(page, partner).getByText(/decisions on this link so far/).click())).toEqual([]);

  // Reject asks too, and a rejection without a reason is refused with the field named.
  await card.getByRole("button", { name: "Reject", exact: true }).click();
  card = approvalCard(councillor, partner);
  await card.getByRole("button", { name: "Confirm rejection" }).click();
  await expect(councillor.getByTestId("error-summary")).toContainText("There is a problem");
  card = approvalCard(councillor, partner);
  await card.getByLabel("Reason").fill("Wait for the partner's elections.");
  await card.getByRole("button", { name: "Confirm rejection" }).click();
  await expect(councillor.getByRole("status").filter({ hasText: /^Rejected\./ })).toBeVisible();
  await expect(approvalCard(councillor, partner)).toHaveCount(0);
});
