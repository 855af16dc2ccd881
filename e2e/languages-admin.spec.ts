// The administrator's pages in Welsh (issue 19, decision 020): /cy/import, /cy/admin/audit and
// /cy/admin/outbox read in Welsh with <html lang="cy-GB">, and each passes axe. On /cy/import a
// file is checked in Welsh: the upload lands back on the Welsh page, the counts and headings are
// Welsh, and so are the importer's own words about a row and its notes (what was typed quoted as it
// is); nothing is imported. The Welsh assertions use the words of messages/importPage, messages/importFlow,
// messages/audit and messages/outbox.
import type { Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { expect, signInAs, test, uniquePartnerName } from "./fixtures";

async function expectWelsh(page: Page, heading: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", "cy-GB");
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
}

test.describe("the administrator's pages in Welsh", () => {
  // Four pages checked by axe and a file checked on the server: more than one minute on a busy machine.
  test.describe.configure({ timeout: 180_000 });

  test("an admin checks a file on /cy/import in Welsh; nothing is imported", async ({ page }) => {
    await signInAs(page, "ADMIN");
    await page.goto("/cy/import");
    await expectWelsh(page, "Mewnforio partneriaethau o daenlen");
    await expect(page).toHaveTitle(/Mewnforio partneriaethau/);
    // The template and the column headers are the file's own, in English.
    await expect(page.getByRole("link", { name: "Lawrlwytho'r templed (CSV)" })).toHaveAttribute("href", "/import/template.csv");
    const columns = page.getByRole("table", { name: "Colofnau'r daenlen fewnforio" });
    await expect(columns.getByRole("rowheader", { name: "Partner name" })).toHaveAttribute("lang", "en");
    await expect(columns.getByRole("columnheader", { name: "Beth i'w nodi" })).toBeVisible();

    // A file of the wrong type is refused in the browser, in Welsh.
    await page.getByLabel("Ffeil taenlen").setInputFiles({ name: "partners.txt", mimeType: "text/plain", buffer: Buffer.from("Partner name\n") });
    await page.getByRole("button", { name: "Llwytho i fyny a rhagweld" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Rhaid i'r ffeil fod yn ffeil CSV (.csv)");

    const partner = uniquePartnerName();
    const csv = `Partner name,Country,Relationship type,Status\r\n${partner},DE,Twin town,\r\nNowhere,Germny,Twin town,\r\n`;
    await page.getByLabel("Ffeil taenlen").setInputFiles({ name: "partneriaid.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Llwytho i fyny a rhagweld" }).click();
    await expect(page).toHaveURL(/\/cy\/import\?upload=[0-9a-f-]{36}$/);
    const summary = page.getByTestId("error-summary");
    await expect(summary.getByRole("heading", { name: "Mae yna broblem" })).toBeVisible();
    await expect(summary).toContainText("1 problem yn partneriaid.csv: nid oes dim wedi'i fewnforio");
    const preview = page.getByTestId("import-preview");
    await expect(preview.getByRole("heading", { name: "Rhagolwg o partneriaid.csv" })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "1 problem i'w cywiro" })).toBeVisible();
    await expect(page.getByTestId("import-problems")).toHaveText("rhes 3: nid yw'r wlad 'Germny' yn wlad hysbys");
    await expect(preview.getByText("Nid yw'r golofn hon yn cael ei mewnforio: “Status”. Statws pob cytundeb a fewnforir yw Gweithredol.")).toBeVisible();
    await expect(preview.getByRole("heading", { name: "Rhesi heb broblemau" })).toBeVisible();
    await expect(preview.getByRole("table", { name: "Rhesi sy'n barod i'w mewnforio" }).getByRole("cell", { name: "Yr Almaen" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Cadarnhau mewnforio/ })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("an admin reads the audit log and the email outbox in Welsh", async ({ page }) => {
    await signInAs(page, "ADMIN");
    await page.goto("/cy/admin/audit");
    await expectWelsh(page, "Log archwilio");
    await expect(page).toHaveTitle(/Log archwilio/);
    await expect(page.getByRole("region", { name: /Cofnod y penderfyniadau/ }).getByRole("heading", { name: "Cofnod y penderfyniadau: wedi'i ddilysu" })).toBeVisible();
    await expect(page.getByRole("search", { name: "Hidlo'r log archwilio" }).getByLabel("Gweithred")).toBeVisible();
    await expect(page.getByRole("table", { name: "Log archwilio, y diweddaraf yn gyntaf" }).getByRole("columnheader", { name: "Pryd" })).toBeVisible();

    await page.goto("/cy/admin/outbox");
    await expectWelsh(page, "Blwch anfon e-byst");
    await expect(page.getByRole("search", { name: "Hidlo'r blwch anfon" }).getByLabel("Statws")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Pwy sy'n cael beth" })).toBeVisible();
    const matrix = page.getByRole("table", { name: "Mathau o e-bost y mae pob defnyddiwr yn eu cael" });
    await expect(matrix.getByRole("columnheader", { name: "Crynodeb wythnosol" })).toBeVisible();
    await expect(matrix.getByRole("cell", { name: "Cynghorydd" }).first()).toBeVisible();
  });
});
