// Spreadsheet import and export: an officer checks a file (every row, nothing written), corrects
// it, confirms, and finds the partners Active in /agreements; a re-import adds nothing; the
// agreements list downloads as CSV and XLSX with its filters.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, signInAs, test, uniquePartnerName } from "./fixtures";
import { axeViolations } from "./axe";

const HEADER = "Partner name,Country,Locality type,Relationship type,Link began,Formalised on,Public summary";

function csv(rows: string[]): Buffer {
  return Buffer.from(`\uFEFF${HEADER}\r\n${rows.join("\r\n")}\r\n`, "utf8");
}

async function previewFile(page: Page, name: string, buffer: Buffer, mimeType = "text/csv"): Promise<void> {
  await page.getByLabel("Spreadsheet file").setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "Upload and preview" }).click();
}

test.describe("spreadsheet import", () => {
  // One import at a time per user, and these journeys import as the same demo officer: in turn.
  test.describe.configure({ mode: "serial" });

  test("an officer checks a file, sees the preview, confirms, and the partners are Active", async ({ page }) => {
    const [first, second] = [uniquePartnerName(), uniquePartnerName()];
    await signInAs(page, "STAFF");
    await page.goto("/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import partnerships from a spreadsheet" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download the template (CSV)" })).toHaveAttribute("href", "/import/template.csv");
    await expect(page.getByRole("table", { name: "Columns of the import spreadsheet" }).getByRole("rowheader", { name: "Partner name" })).toBeVisible();

    const file = csv([`${first},DE,Town,Twin town,1962,1964-05-01,Imported in an end-to-end test.`, `"${second}",Poland,City,Partnership,01/06/1994,,`]);
    await previewFile(page, "partners.csv", file);
    // The file went to the upload route, which kept it on the server and sent the browser to its preview.
    await expect(page).toHaveURL(/\/import\?upload=[0-9a-f-]{36}$/);
    const preview = page.getByTestId("import-preview");
    await expect(preview.getByRole("heading", { name: "Preview of partners.csv" })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "Ready to import" })).toBeVisible();
    await expect(preview.getByRole("cell", { name: first })).toBeVisible();
    await expect(preview.getByRole("cell", { name: second })).toBeVisible();
    await expect(preview.getByRole("cell", { name: "Poland" })).toBeVisible();

    // Nothing is written until the officer confirms.
    await page.goto(`/agreements?q=${encodeURIComponent(first)}`);
    await expect(page.getByText("No agreements match these filters.")).toBeVisible();
    await page.goto("/import");
    await previewFile(page, "partners.csv", file);

    await page.getByRole("button", { name: "Confirm import of 2 agreements" }).click();
    await expect(page.getByTestId("import-success")).toContainText("Imported 2 agreements from partners.csv.");
    // Reloading the outcome shows it again and imports nothing twice.
    await page.reload();
    await expect(page.getByTestId("import-success")).toContainText("Imported 2 agreements from partners.csv.");

    await page.goto(`/agreements?q=${encodeURIComponent(first)}`);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: first }) });
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Germany");
    await row.getByRole("link", { name: first }).click();
    await expect(page.getByText("Status: Active")).toBeVisible();
    await expect(page.getByText(/Imported from the spreadsheet “partners\.csv”/)).toBeVisible();
  });

  test("the preview names the bad rows and writes nothing; the corrected file imports; a re-import adds nothing", async ({ page }) => {
    const names = [uniquePartnerName(), uniquePartnerName(), uniquePartnerName()];
    const good = [`${names[0]},FR,Town,Twin town,1986,,`, `${names[1]},IT,Town,Friendship city,2001,,`, `${names[2]},ES,Village,Twin town,1990,,`];
    await signInAs(page, "STAFF");
    await page.goto("/import");

    await previewFile(page, "register.csv", csv([...good, "Somewhere,Germny,Town,Twin town,1990,,", "Elsewhere,FR,Town,Twin village,1990,,"]));
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    const problems = page.getByTestId("import-problems");
    await expect(problems).toContainText("row 5: country 'Germny' is not a known country");
    await expect(problems).toContainText("row 6: relationship type 'Twin village' is not one of");
    await expect(page.getByRole("button", { name: /Confirm import/ })).toHaveCount(0);

    await previewFile(page, "register.csv", csv([...good, "Somewhere,Germany,Town,Twin town,1990,,"].slice(0, 3)));
    await expect(page.getByTestId("import-problems")).toHaveCount(0);
    await page.getByRole("button", { name: "Confirm import of 3 agreements" }).click();
    await expect(page.getByTestId("import-success")).toContainText("Imported 3 agreements from register.csv.");

    await previewFile(page, "register.csv", csv(good));
    const preview = page.getByTestId("import-preview");
    await expect(preview.getByRole("heading", { name: "Already present" })).toBeVisible();
    await expect(preview.getByText("Nothing to import: every row of this file is already in the register.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Confirm import/ })).toHaveCount(0);
    for (const name of names) {
      await page.goto(`/agreements?q=${encodeURIComponent(name)}`);
      await expect(page.getByRole("link", { name })).toHaveCount(1);
    }
  });

  test("an Excel workbook imports too", async ({ page }) => {
    const name = uniquePartnerName();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Partners");
    sheet.addRow(["Partner name", "Country", "Relationship type", "Link began"]);
    sheet.addRow([name, "Japan", "Sister city", new Date(Date.UTC(1975, 3, 1))]);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    await signInAs(page, "STAFF");
    await page.goto("/import");
    await previewFile(page, "partners.xlsx", buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    await expect(page.getByTestId("import-preview").getByRole("cell", { name: "Japan" })).toBeVisible();
    await page.getByRole("button", { name: "Confirm import of 1 agreement" }).click();
    await expect(page.getByTestId("import-success")).toContainText("Imported 1 agreement from partners.xlsx.");
  });

  test("the page, a preview with problems and a preview ready to import have no axe violations", async ({ page }) => {
    await signInAs(page, "STAFF");
    await page.goto("/import");
    expect(await axeViolations(page)).toEqual([]);
    await previewFile(page, "mixed.csv", csv(["Kiel,DE,City,Twin town,1947,1967-01-01,", "Nowhere,Germny,Town,Twin town,,,"]));
    await expect(page.getByTestId("import-problems")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await previewFile(page, "ready.csv", csv([`${uniquePartnerName()},DE,Town,Twin town,1990,,`, "Kiel,DE,City,Twin town,1947,1967-01-01,"]));
    await expect(page.getByRole("button", { name: "Confirm import of 1 agreement" })).toBeVisible();
    await expect(page.getByTestId("import-preview").getByRole("heading", { name: "Already present" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath("import-preview.png"), fullPage: true });
  });

  test("a file of the wrong type is refused with a clear message", async ({ page }) => {
    await signInAs(page, "ADMIN");
    await page.goto("/import");
    await previewFile(page, "minutes.pdf", Buffer.from("%PDF-1.7"), "application/pdf");
    await expect(page.getByTestId("error-summary")).toContainText("The file must be a CSV file (.csv) or an Excel workbook (.xlsx).");
    await expect(page.getByLabel("Spreadsheet file")).toHaveAttribute("aria-invalid", "true");
  });

  test("a councillor may not import", async ({ page, browserProblems }) => {
    browserProblems.allowResponse(403, "/import");
    await signInAs(page, "COUNCILLOR");
    const response = await page.goto("/import");
    expect(response?.status()).toBe(403);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("check and confirm work as plain forms", async ({ page }) => {
      const name = uniquePartnerName();
      await signInAs(page, "STAFF");
      await page.goto("/import");
      await previewFile(page, "no-script.csv", csv([`${name},NL,Town,Twin town,1970,,`]));
      await expect(page.getByTestId("import-preview").getByRole("cell", { name })).toBeVisible();
      await page.getByRole("button", { name: "Confirm import of 1 agreement" }).click();
      await expect(page.getByTestId("import-success")).toContainText("Imported 1 agreement from no-script.csv.");
      await page.goto(`/agreements?q=${encodeURIComponent(name)}`);
      await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Active");
    });
  });
});

test.describe("export", () => {
  test("the agreements list downloads as CSV, with its filters, guarded against formulas", async ({ page }) => {
    await signInAs(page, "COUNCILLOR");
    await page.goto("/agreements");
    const downloading = page.waitForEvent("download");
    // The download link the list offers, clicked as a person would (it carries the list's filters).
    await page.evaluate(() => {
      const link = document.createElement("a");
      link.href = "/agreements/export?format=csv&status=ACTIVE";
      link.textContent = "Download CSV";
      document.body.append(link);
      link.click();
    });
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^agreements-active-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("\uFEFFPartner,Country code,Country,Relationship type,Status,Link began,Formalised on,Review date,Title,Public summary\r\n")).toBe(true);
    expect(text).toMatch(/\r\nKiel,DE,Germany,Twin town,Active,/);
    expect(text).not.toContain("Volgograd");
    const cells = (parse(text, { bom: true }) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+@\t\r-]/.test(cell))).toEqual([]);

    const suspended = await page.request.get("/agreements/export?format=csv&status=SUSPENDED");
    expect(suspended.headers()["content-disposition"]).toMatch(/^attachment; filename="agreements-suspended-/);
    const body = await suspended.text();
    expect(body).toContain("Volgograd,RU,Russia");
    expect(body).not.toContain("Kiel");
  });

  test("the agreements list downloads as an Excel workbook", async ({ page }) => {
    await signInAs(page, "STAFF");
    const response = await page.request.get("/agreements/export?format=xlsx&country=DE");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="agreements-de-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.body()) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Partner");
    const partners = sheet.getColumn(1).values.slice(2);
    expect(partners).toContain("Kiel");
    expect(partners).toContain("Dresden");
    expect(partners).not.toContain("Belgrade");
  });

  test("signed out, the export asks to sign in first", async ({ page }) => {
    const response = await page.request.get("/agreements/export?format=csv", { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    const location = new URL(response.headers()["location"] ?? "", "http://localhost");
    expect(`${location.pathname}${location.search}`).toBe("/login?callbackUrl=%2Fagreements%2Fexport%3Fformat%3Dcsv");
  });
});
