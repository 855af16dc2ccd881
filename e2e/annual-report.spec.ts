// The annual report (issue 24 item 5): an officer opens /reports/<year>, sees the link made active
// this year among the year's links and its approval among the new links, the page has no axe
// violations, and printed (print media) it is the report alone: no site header, menu or footer.
// (`npm run screenshot` takes the picture of the printed pages: docs/screenshots/annual-report.png.)
// Then an admin publishes the year's report, and a resident without an account finds it from
// /annual-report, reads it (axe-clean) and downloads its .docx (decision 024).
import { activeAgreement, signedIn } from "./active-agreement";
import { axeViolations } from "./axe";
import { expect, test, uniquePartnerName } from "./fixtures";
import { publishReport } from "./published-report";

test("an officer reads this year's annual report, and its printed form has no navigation", async ({ browser }) => {
  test.setTimeout(180_000);
  const partner = uniquePartnerName();
  await activeAgreement(browser, partner);
  // The link was approved just now, by the server's clock: the report of the server's year has it.
  const year = new Date().getUTCFullYear();

  const officer = await signedIn(browser, "STAFF");
  await officer.goto(`/reports/${year}`);
  await expect(officer.getByRole("heading", { level: 1, name: `Annual report ${year}` })).toBeVisible();
  const active = officer.locator("section", { has: officer.getByRole("heading", { name: `Links active in ${year}` }) });
  await expect(active.getByText(partner, { exact: false })).toBeVisible();
  const decisions = officer.locator("section", { has: officer.getByRole("heading", { name: `Decisions in ${year}` }) });
  await expect(decisions.getByRole("rowheader", { name: partner })).toBeVisible();
  await expect(officer.getByRole("img", { name: "Activity per year" })).toBeVisible();
  expect(await axeViolations(officer)).toEqual([]);

  await officer.emulateMedia({ media: "print" });
  await expect(officer.getByRole("navigation", { name: "Main", exact: true })).toBeHidden();
  await expect(officer.getByRole("contentinfo")).toBeHidden();
  await expect(officer.getByRole("navigation", { name: "Other years" })).toBeHidden();
  await expect(officer.getByRole("heading", { level: 1, name: `Annual report ${year}` })).toBeVisible();
  await officer.context().close();
});

test("an admin publishes the year's report, and a resident reads it without signing in", async ({ browser }) => {
  test.setTimeout(180_000);
  const partner = uniquePartnerName();
  await activeAgreement(browser, partner);
  const year = new Date().getUTCFullYear();
  await publishReport(browser, year, { republish: true });

  const resident = await (await browser.newContext()).newPage();
  await resident.goto("/annual-report");
  await resident.getByRole("link", { name: `Annual report ${year}` }).click();
  await expect(resident.getByRole("heading", { level: 1, name: `Annual report ${year}` })).toBeVisible();
  await expect(resident.getByText(/^Published on /)).toBeVisible();
  const active = resident.locator("section", { has: resident.getByRole("heading", { name: `Links active in ${year}` }) });
  await expect(active.getByText(partner, { exact: false })).toBeVisible();
  expect(await axeViolations(resident)).toEqual([]);
  const file = await resident.request.get(`/annual-report/${year}/report.docx`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect(file.headers()["content-disposition"]).toBe(`attachment; filename="annual-report-${year}.docx"`);
  await resident.context().close();
});
