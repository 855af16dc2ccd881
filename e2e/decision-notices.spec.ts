// How a decision was taken, and its public notice (issue 24 items 2 and 3): the officer proposes a
// suspension to be decided by an officer under delegated powers, naming the delegation; another
// officer (the office lead) records the decision on the agreement page; a resident with no session
// and no JavaScript reads why the link was paused on /decisions/<id>, with the route and the
// decision-maker, and the notice has no axe violations. The link starts Active through the server
// actions the forms post (e2e/active-agreement.ts).
import { activeAgreement, signedIn } from "./active-agreement";
import { axeViolations } from "./axe";
import { expect, test, uniquePartnerName } from "./fixtures";

test("a suspension decided by an officer under delegated powers is recorded by another officer and published with its reasons, route and decision-maker", async ({ browser }) => {
  // Five sign-ins and the officer's and the lead's forms: minutes on a busy machine, as the other journeys allow.
  test.setTimeout(240_000);
  const partner = uniquePartnerName();
  const path = await activeAgreement(browser, partner);
  const delegation = "Scheme of delegation 4.2: Head of Culture";
  const publicReason = `${partner}'s council has been suspended by its national government.`;

  const officer = await signedIn(browser, "STAFF");
  await officer.goto(path);
  // The officer fills the form in before the page's scripts have run (a slow connection), then
  // sends it with them running: what they typed and chose is what is sent.
  let releaseScripts!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await officer.route("**/_next/static/chunks/**", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await officer.getByRole("button", { name: "Propose suspension" }).click();
  const form = officer.getByRole("form", { name: "Propose suspension" });
  await form.getByLabel("Reason", { exact: true }).fill("INTERNAL: the leader asked for a pause before the visit.");
  await form.getByLabel("Public reason").fill(publicReason);
  // Clicked as the page's own DOM click: the page, its render-blocking scripts held, is not painted yet.
  await form.getByRole("group", { name: "How will this be decided?" }).getByLabel("Officer under delegated powers").evaluate((radio: HTMLInputElement) => radio.click());
  await form.getByLabel("Delegation", { exact: true }).fill(delegation);
  await form.getByLabel("Alternatives considered").fill("Carrying on with the planned visit.");
  await form.getByLabel("Conflicts of interest declared").fill("None.");
  releaseScripts();
  // React has taken the form over (hydrated) when its element carries React's own properties.
  await officer.waitForFunction(() => {
    const element = document.querySelector('form[aria-label="Propose suspension"]');
    return !!element && Object.keys(element).some((key) => key.startsWith("__react"));
  });
  await expect(form.getByLabel("Officer under delegated powers")).toBeChecked();
  await form.getByRole("button", { name: "Propose suspension" }).click();
  await expect(officer.getByTestId("decision-route")).toContainText("Officer under delegated powers");
  // The proposer may not record it (four eyes): no "Record the decision" for them.
  await expect(officer.getByRole("button", { name: "Record the decision" })).toHaveCount(0);
  await officer.context().close();

  const lead = await signedIn(browser, "ADMIN");
  await lead.goto(path);
  await lead.getByRole("button", { name: "Record the decision" }).click();
  const record = lead.getByRole("form", { name: "Record the decision" });
  await record.getByLabel("Approved").check();
  await record.getByLabel("Decision reference").fill("OD/2026/7");
  await record.getByRole("button", { name: "Record the decision" }).click();
  await expect(lead.getByTestId("agreement-status")).toHaveText("Status: Suspended");
  await lead.context().close();

  const resident = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await resident.goto("/decisions");
  await resident.getByRole("link", { name: `${partner}: link paused` }).click();
  await expect(resident).toHaveURL(/\/decisions\/[0-9a-f-]{36}$/);
  const notice = resident.locator("main");
  await expect(notice.getByRole("heading", { level: 1 })).toHaveText(`${partner}: link paused`);
  const row = (label: string) => notice.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
  await expect(row("Reasons")).toHaveText(publicReason);
  await expect(row("Decision route")).toHaveText("Officer under delegated powers");
  await expect(row("Decision-maker")).toHaveText(`Alex Morgan, under ${delegation}`);
  await expect(row("Date of decision")).not.toBeEmpty();
  await expect(row("Alternatives considered")).toHaveText("Carrying on with the planned visit.");
  await expect(row("Conflicts of interest declared")).toHaveText("None.");
  await expect(row("Reference")).toHaveText("OD/2026/7");
  await expect(notice).not.toContainText("INTERNAL");
  const noticePath = new URL(resident.url()).pathname;
  await resident.context().close();

  // axe runs its checks as script in the page: in a browser with JavaScript, as the accessibility sweep does.
  const checker = await (await browser.newContext()).newPage();
  await checker.goto(noticePath);
  expect(await axeViolations(checker)).toEqual([]);
  await checker.context().close();
});
