// Call-in of an executive decision (issue 24 item 4, docs/decisions/023-call-in.md): the admin sets a
// call-in period for the executive-member route and marks a councillor as a scrutiny member; an
// executive member's decision is published with "Takes effect on" (the agreement page and the public
// notice) and the link stays as it was; the scrutiny member, who took no part, calls it in and then
// records "No further action", and it takes effect. It changes council settings: a shared-state
// journey, run alone, and it puts the period back to 0. The working-day arithmetic and the jobs'
// once-only application are the integration suite's (tests/integration/call-in.test.ts).
import type { Page } from "@playwright/test";
import { activeAgreement, signedIn } from "./active-agreement";
import { axeViolations } from "./axe";
import { expect, test, uniquePartnerName } from "./fixtures";

async function setCallInPeriod(admin: Page, days: string) {
  await admin.goto("/admin/settings");
  const form = admin.getByRole("form", { name: "Council settings" });
  await form.getByLabel("Call-in period (working days)").fill(days);
  const routes = form.getByRole("group", { name: "Call-in applies to" });
  await routes.getByLabel("Executive member").check();
  // Only this journey's route: the officers' delegated decisions of the other journeys take effect at once.
  await routes.getByLabel("Officer under delegated powers").uncheck();
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByText("Settings saved.")).toBeVisible();
}

test("an executive member's decision waits for its call-in period, is called in by a scrutiny member and takes effect on 'No further action'", async ({ browser }) => {
  test.setTimeout(240_000);
  const partner = uniquePartnerName();
  const path = await activeAgreement(browser, partner);

  const admin = await signedIn(browser, "ADMIN");
  await setCallInPeriod(admin, "2");
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "Cllr Dana Hughes" }).click();
  const scrutiny = admin.getByRole("form", { name: "Scrutiny member" });
  await scrutiny.getByLabel("Member of the scrutiny committee").check();
  await scrutiny.getByRole("button", { name: "Save scrutiny membership" }).click();
  await expect(admin.getByText("Their scrutiny membership has been saved.")).toBeVisible();

  try {
    const officer = await signedIn(browser, "STAFF");
    await officer.goto(path);
    await officer.getByRole("button", { name: "Propose suspension" }).click();
    const form = officer.getByRole("form", { name: "Propose suspension" });
    await form.getByLabel("Reason", { exact: true }).fill("The partner council asked for a pause.");
    await form.getByLabel("Public reason").fill(`${partner} asked for a pause while it reorganises.`);
    await form.getByRole("group", { name: "How will this be decided?" }).getByLabel("Executive member").check();
    await form.getByRole("combobox", { name: "Executive member" }).selectOption({ label: "Cllr Chris Patel" });
    await form.getByRole("button", { name: "Propose suspension" }).click();
    await expect(officer.getByTestId("decision-route")).toContainText("Executive member");
    await officer.context().close();

    const member = await signedIn(browser, "COUNCILLOR");
    await member.goto(path);
    await member.getByRole("button", { name: "Record the decision" }).click();
    const record = member.getByRole("form", { name: "Record the decision" });
    await record.getByLabel("Approved").check();
    await record.getByRole("button", { name: "Record the decision" }).click();
    await expect(member.getByTestId("call-in")).toContainText("Takes effect on");
    await expect(member.getByTestId("agreement-status")).toHaveText("Status: Active");
    // The executive member took part: no "Call in" for them.
    await expect(member.getByRole("button", { name: "Call in" })).toHaveCount(0);
    await member.context().close();

    const resident = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await resident.goto("/decisions");
    await resident.getByRole("link", { name: `${partner}: link paused` }).click();
    await expect(resident.locator("main dt", { hasText: "Takes effect on" })).toBeVisible();
    await resident.context().close();

    const scrutineer = await signedIn(browser, "COUNCILLOR2");
    await scrutineer.goto(path);
    // The Call-in panel with its form: axe-clean.
    expect(await axeViolations(scrutineer)).toEqual([]);
    const callIn = scrutineer.getByRole("form", { name: "Call in this decision" });
    await callIn.getByLabel("Reason for calling in").fill("The partner's residents were not consulted.");
    await callIn.getByRole("button", { name: "Call in" }).click();
    await expect(scrutineer.getByTestId("call-in")).toContainText("Called in: the decision will not take effect");
    const outcome = scrutineer.getByRole("form", { name: "Record the outcome of scrutiny" });
    await outcome.getByLabel("No further action").check();
    await outcome.getByLabel("Reasons").fill("The committee heard the executive member and is satisfied.");
    await outcome.getByRole("button", { name: "Record the outcome of scrutiny" }).click();
    await expect(scrutineer.getByTestId("agreement-status")).toHaveText("Status: Suspended");
    await expect(scrutineer.getByTestId("call-in")).toHaveCount(0);
    await scrutineer.context().close();
  } finally {
    await setCallInPeriod(admin, "0");
    await admin.context().close();
  }
});
