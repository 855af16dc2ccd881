// The partner's confirmation of a link (issue 21 item 3): on an Active agreement of the journey's
// own that shows "Not confirmed by partner", an officer opens "Record partner confirmation" (a
// plain GET form, so without JavaScript too), is told what is missing, records the partner
// council's decision date and reference; the tag is gone, the decision timeline shows it, and the
// public partner page says "Confirmed by both councils" with the partner's decision date.
import { activeAgreement, signedIn } from "./active-agreement";
import { axeViolations } from "./axe";
import { expect, test, uniquePartnerName } from "./fixtures";

test("an officer records the partner's confirmation without JavaScript: the tag clears, the timeline and the public page show it", async ({ browser }) => {
  const partner = uniquePartnerName();
  const path = await activeAgreement(browser, partner);

  const officer = await signedIn(browser, "STAFF", { javaScriptEnabled: false });
  await officer.goto(path);
  await expect(officer.getByText("Status: Active")).toBeVisible();
  await expect(officer.getByText("Not confirmed by partner")).toBeVisible();
  await officer.getByRole("button", { name: "Record partner confirmation" }).click();
  const form = officer.getByRole("form", { name: "Record partner confirmation" });
  await form.getByRole("button", { name: "Record confirmation" }).click();
  const summary = officer.getByTestId("error-summary");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("Enter the partner decision date or the partner decision reference, or both");

  await form.getByLabel("Partner decision date").fill("2026-03-12");
  await form.getByLabel("Partner decision reference").fill("Ratsversammlung 2026/31");
  await form.getByLabel("Note").fill("The mayor's letter confirms the council's vote.");
  await form.getByRole("button", { name: "Record confirmation" }).click();
  await expect(officer.getByText("The partner's confirmation has been recorded.")).toBeVisible();
  await expect(officer.getByText("Status: Active")).toBeVisible();
  await expect(officer.getByText("Not confirmed by partner")).toHaveCount(0);

  const timeline = officer.getByRole("list", { name: "Decision timeline" });
  const entry = timeline.getByRole("listitem").filter({ has: officer.getByRole("heading", { name: "Partner confirmation recorded" }) });
  await expect(entry).toContainText("12 March 2026");
  await expect(entry).toContainText("Ratsversammlung 2026/31");
  await expect(entry).toContainText("The mayor's letter confirms the council's vote.");
  const publicPath = await officer.getByRole("link", { name: /^\/partners\// }).getAttribute("href");
  await officer.context().close();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(publicPath!);
  await expect(visitor.getByRole("heading", { level: 1, name: partner })).toBeVisible();
  await expect(visitor.getByText("Confirmed by both councils (the partner council decided on 12 March 2026)")).toBeVisible();
  expect(await axeViolations(visitor)).toEqual([]);
  await visitor.context().close();
});

test("the confirmation form, with its problems, has no axe violations; a future date is refused; a councillor is not offered it", async ({ browser }) => {
  const partner = uniquePartnerName();
  const path = await activeAgreement(browser, partner);
  const officer = await signedIn(browser, "STAFF");
  await officer.goto(`${path}?action=recordConfirmation`);
  const form = officer.getByRole("form", { name: "Record partner confirmation" });
  await form.getByLabel("Partner decision date").fill("2999-01-01");
  await form.getByRole("button", { name: "Record confirmation" }).click();
  await expect(officer.getByTestId("error-summary")).toBeFocused();
  await expect(officer.getByTestId("error-summary")).toContainText("Partner decision date cannot be in the future");
  expect(await axeViolations(officer)).toEqual([]);
  await officer.context().close();

  const councillor = await signedIn(browser, "COUNCILLOR");
  await councillor.goto(`${path}?action=recordConfirmation`);
  await expect(councillor.getByText("Not confirmed by partner")).toBeVisible();
  await expect(councillor.getByRole("button", { name: "Record partner confirmation" })).toHaveCount(0);
  await expect(councillor.getByRole("form", { name: "Record partner confirmation" })).toHaveCount(0);
});
