// Recording a review of a link (issue 21 item 2): an officer opens "Record a review" on an Active
// agreement (a plain GET form, so without JavaScript too), is told which fields are missing,
// records the outcome and the next review date, and sees both in the decision timeline; the
// agreement's review date is the new one. The link is the journey's own: drafted, submitted and
// approved here.
import { activeAgreement, signedIn } from "./active-agreement";
import { axeViolations } from "./axe";
import { juneNextYear } from "./dates";
import { expect, test, uniquePartnerName } from "./fixtures";

test("an officer records a review of an Active link, without JavaScript: the timeline shows it and the review date moves on", async ({ browser }) => {
  const partner = uniquePartnerName();
  const path = await activeAgreement(browser, partner);
  const next = juneNextYear(14);

  const officer = await signedIn(browser, "STAFF", { javaScriptEnabled: false });
  await officer.goto(path);
  await expect(officer.getByText("Status: Active")).toBeVisible();
  await officer.getByRole("button", { name: "Record a review" }).click();
  const form = officer.getByRole("form", { name: "Record a review" });
  await form.getByRole("button", { name: "Record review" }).click();
  const summary = officer.getByTestId("error-summary");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("Choose the review's outcome");
  await expect(summary).toContainText("Enter the next review date");

  await form.getByRole("radio", { name: "Continue with changes" }).check();
  await form.getByLabel("Review notes").fill("The schools want a second visit each year.");
  await form.getByLabel("Next review date").fill(next.iso);
  await form.getByRole("button", { name: "Record review" }).click();
  await expect(officer.getByText("The review has been recorded and the next review date saved.")).toBeVisible();
  await expect(officer.getByText("Status: Active")).toBeVisible();

  const timeline = officer.getByRole("list", { name: "Decision timeline" });
  const entry = timeline.getByRole("listitem").filter({ has: officer.getByRole("heading", { name: "Review recorded" }) });
  await expect(entry).toContainText("Continue with changes");
  await expect(entry).toContainText(next.long);
  await expect(entry).toContainText("The schools want a second visit each year.");
  await expect(officer.getByRole("term").filter({ hasText: /^Review date$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText(next.long);
  await officer.context().close();
});

test("the review form, with its problems, has no axe violations; a councillor is not offered it", async ({ browser }) => {
  const partner = uniquePartnerName();
  const path = await activeAgreement(browser, partner);
  const officer = await signedIn(browser, "STAFF");
  await officer.goto(`${path}?action=recordReview`);
  await officer.getByRole("form", { name: "Record a review" }).getByRole("button", { name: "Record review" }).click();
  await expect(officer.getByTestId("error-summary")).toBeFocused();
  expect(await axeViolations(officer)).toEqual([]);

  const councillor = await signedIn(browser, "COUNCILLOR");
  await councillor.goto(`${path}?action=recordReview`);
  await expect(councillor.getByRole("button", { name: "Record a review" })).toHaveCount(0);
  await expect(councillor.getByRole("form", { name: "Record a review" })).toHaveCount(0);
});
