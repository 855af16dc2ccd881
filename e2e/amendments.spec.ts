// Amendments and corrections (issue 21 item 1), through the UI: an officer proposes an amendment to
// an Active link without JavaScript ("Propose amendment" is a plain GET form), is told which field
// is wrong, and the terms stay as they were until councillors approve it; rejected, proposing again
// starts from the rejected terms and reason; the approval card shows the title before → after. Once approved, the agreement page and the public partner page show the
// new title and "Amended on …". A wrong website is corrected directly ("Correct details"), its
// number field reading "334,000", and the public page shows it. axe on both new forms.
import { activeAgreement, signedIn } from "./active-agreement";
import { approvalCard, decide } from "./approvals";
import { axeViolations } from "./axe";
import { expect, test, uniquePartnerName } from "./fixtures";

const AMENDED_ON = /Amended on \d{1,2} [A-Z][a-z]+ \d{4}/;

test("an officer proposes an amendment without JavaScript; councillors approve it; the new title shows on the agreement and public pages with 'Amended on'; a corrected website shows publicly", async ({ browser }) => {
  // Five sessions in turn (officer, a councillor who rejects, those who approve, staff, a resident).
  test.setTimeout(120_000);
  const partner = uniquePartnerName();
  const path = await activeAgreement(browser, partner);
  const newTitle = `${partner} friendship charter`;

  const officer = await signedIn(browser, "STAFF", { javaScriptEnabled: false });
  await officer.goto(path);
  await officer.getByRole("button", { name: "Propose amendment" }).click();
  const form = officer.getByRole("form", { name: "Propose amendment" });
  const title = form.getByLabel("Title", { exact: true });
  const oldTitle = await title.inputValue();
  expect(oldTitle).toContain(partner);
  await title.fill("");
  await form.getByRole("button", { name: "Propose amendment" }).click();
  const summary = officer.getByTestId("error-summary");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("Enter the agreement's title");
  await expect(summary).toContainText("Enter a reason for the change");

  await title.fill(newTitle);
  await form.getByLabel("Reason", { exact: true }).fill("Both councils renamed the link at their joint meeting.");
  await form.getByRole("button", { name: "Propose amendment" }).click();
  await expect(officer.getByText("Amendment proposed.")).toBeVisible();

  // Rejected, it comes back to the officer: proposing again starts from its terms and reason.
  const rejecting = await signedIn(browser, "COUNCILLOR");
  expect(await decide(rejecting, partner, "Reject", { reason: "Give the minute of the joint meeting." })).toMatch(/^Rejected\./);
  await rejecting.context().close();
  await officer.goto(path);
  await officer.getByRole("button", { name: "Propose amendment" }).click();
  await expect(form.getByText("These fields start from your last proposal")).toBeVisible();
  await expect(title).toHaveValue(newTitle);
  await expect(form.getByLabel("Reason", { exact: true })).toHaveValue("Both councils renamed the link at their joint meeting.");
  await form.getByLabel("Decision reference").fill("Joint meeting 2026/3");
  await form.getByRole("button", { name: "Propose amendment" }).click();
  await expect(officer.getByText("Amendment proposed.")).toBeVisible();
  await expect(officer.getByText("Proposed: amendment")).toBeVisible();
  // The first "Title" is the agreement's own; the timeline's proposal lists it again, as a change.
  await expect(officer.getByRole("term").filter({ hasText: /^Title$/ }).first().locator("xpath=following-sibling::dd[1]")).toHaveText(oldTitle);
  await officer.context().close();

  const councillor = await signedIn(browser, "COUNCILLOR");
  await councillor.goto("/approvals");
  const changes = approvalCard(councillor, partner).getByTestId("amendment-changes");
  await expect(changes).toContainText("Title");
  await expect(changes.getByRole("deletion")).toHaveText(oldTitle);
  await expect(changes.getByRole("insertion")).toHaveText(newTitle);
  let outcome = await decide(councillor, partner, "Approve");
  await councillor.context().close();
  if (!outcome.startsWith("Approved.")) {
    const second = await signedIn(browser, "COUNCILLOR2");
    outcome = await decide(second, partner, "Approve");
    await second.context().close();
  }
  expect(outcome).toContain("The amendment has taken effect");

  const staff = await signedIn(browser, "STAFF");
  await staff.goto(path);
  await expect(staff.getByText("Status: Active")).toBeVisible();
  await expect(staff.getByRole("term").filter({ hasText: /^Title$/ }).first().locator("xpath=following-sibling::dd[1]")).toHaveText(newTitle);
  const entry = staff.getByRole("list", { name: "Decision timeline" }).getByRole("listitem").filter({ has: staff.getByRole("heading", { name: AMENDED_ON }) });
  await expect(entry).toContainText(`${oldTitle} → ${newTitle}`);

  // A correction: the website, with a population typed as the council writes numbers.
  await staff.getByRole("link", { name: "Correct details" }).click();
  const correction = staff.getByRole("form", { name: "Correct details" });
  await correction.getByLabel("Population").fill("3,5");
  await correction.getByLabel("Website").fill("www.amended-testville.example.org");
  await correction.getByRole("button", { name: "Save corrections" }).click();
  await expect(staff.getByTestId("error-summary")).toBeFocused();
  await expect(staff.getByTestId("error-summary")).toContainText("Population must use a point for decimals");
  expect(await axeViolations(staff)).toEqual([]);
  await correction.getByLabel("Population").fill("334,000");
  await correction.getByRole("button", { name: "Save corrections" }).click();
  await expect(staff.getByText("The details have been corrected.")).toBeVisible();

  const publicPath = await staff.getByRole("link", { name: /^\/partners\// }).getAttribute("href");
  await staff.context().close();

  // The public page, as a resident sees it.
  const resident = await (await browser.newContext()).newPage();
  await resident.goto(publicPath!);
  await expect(resident.getByRole("heading", { level: 1, name: partner })).toBeVisible();
  await expect(resident.getByText(AMENDED_ON)).toBeVisible();
  await expect(resident.getByRole("term").filter({ hasText: /^Title$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText(newTitle);
  await expect(resident.getByRole("link", { name: "www.amended-testville.example.org" })).toHaveAttribute("href", "https://www.amended-testville.example.org/");
  await expect(resident.getByText("About 334,000")).toBeVisible();
  expect(await axeViolations(resident)).toEqual([]);
  await resident.context().close();
});

test("the amendment form, with its problems, has no axe violations; a councillor is offered neither amending nor correcting (the authorization suite refuses them both: ROUTE_ACCESS, ACTION_ACCESS)", async ({ browser }) => {
  const partner = uniquePartnerName();
  const path = await activeAgreement(browser, partner);
  const officer = await signedIn(browser, "STAFF");
  await officer.goto(`${path}?action=proposeAmendment`);
  const form = officer.getByRole("form", { name: "Propose amendment" });
  await form.getByRole("button", { name: "Propose amendment" }).click();
  await expect(officer.getByTestId("error-summary")).toBeFocused();
  expect(await axeViolations(officer)).toEqual([]);
  // Nothing changed but the reason: refused with a clear message, the form kept.
  await form.getByLabel("Reason", { exact: true }).fill("Tidying up.");
  await form.getByRole("button", { name: "Propose amendment" }).click();
  await expect(officer.getByText("The amendment changes nothing: change at least one of the terms")).toBeVisible();
  await expect(form.getByLabel("Reason", { exact: true })).toHaveValue("Tidying up.");
  await officer.context().close();

  const councillor = await signedIn(browser, "COUNCILLOR");
  await councillor.goto(`${path}?action=proposeAmendment`);
  await expect(councillor.getByRole("form", { name: "Propose amendment" })).toHaveCount(0);
  await expect(councillor.getByRole("link", { name: "Correct details" })).toHaveCount(0);
  await councillor.context().close();
});
