import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { agreementTable, EXPORT_HEADER, exportFileName, exportHref, type ExportAgreement } from "./agreement-table";
import { csvCell, looksLikeFormula, neutraliseFormula, toCsv } from "./spreadsheet-safety";
import { toXlsx } from "./xlsx";

describe("the formula-injection guard", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.example\",\"Click\")", "'=HYPERLINK(\"http://evil.example\",\"Click\")"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
  ])("neutralises %j", (input, expected) => {
    expect(looksLikeFormula(input)).toBe(true);
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each(["Kiel", "São Tomé", "Łódź", "友好城市", "🌻 Mariupol", "", " =not first", "1953", "'already quoted"])("leaves %j alone", (input) => {
    expect(looksLikeFormula(input)).toBe(false);
    expect(neutraliseFormula(input)).toBe(input);
  });

  it("guards text cells, not numbers (a negative longitude is data); writes dates as YYYY-MM-DD", () => {
    expect(csvCell("-1.5")).toBe("'-1.5");
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(new Date("1957-06-01T00:00:00Z"))).toBe("1957-06-01");
    expect(csvCell(null)).toBe("");
    expect(csvCell('Say "hello", then =1+1')).toBe('"Say ""hello"", then =1+1"');
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("writes RFC 4180 CSV that a parser reads back to the same (guarded) values, with an optional byte order mark", () => {
    const csv = toCsv(["Name", "Note"], [["Łódź", "=cmd"], ["友好城市", 'quote " and, comma']], { bom: true });
    expect(csv.startsWith("\uFEFFName,Note\r\n")).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([["Name", "Note"], ["Łódź", "'=cmd"], ["友好城市", 'quote " and, comma']]);
    expect(toCsv(["A"], []).startsWith("\uFEFF")).toBe(false);
  });
});

const AGREEMENTS: ExportAgreement[] = [
  {
    status: "ACTIVE",
    relationshipType: "TWIN_TOWN",
    title: "Coventry–Kiel",
    linkBegan: new Date("1947-01-01T00:00:00Z"),
    formalisedOn: new Date("1967-01-01T00:00:00Z"),
    reviewDate: null,
    publicSummary: "=1+1 is not a formula here",
    partner: { name: "Kiel", country: "DE" },
  },
  {
    status: "SUSPENDED",
    relationshipType: "FRIENDSHIP_CITY",
    title: "Ankh-Morpork",
    linkBegan: null,
    formalisedOn: null,
    reviewDate: new Date("2027-03-31T00:00:00Z"),
    publicSummary: "",
    partner: { name: "@Ankh-Morpork", country: null },
  },
];

describe("the agreements export", () => {
  it("has the documented columns, labels rather than codes, and dates as dates", () => {
    expect(EXPORT_HEADER).toEqual(["Partner", "Country code", "Country", "Relationship type", "Status", "Link began", "Formalised on", "Review date", "Title", "Public summary"]);
    expect(agreementTable(AGREEMENTS)).toEqual([
      ["Kiel", "DE", "Germany", "Twin town", "Active", new Date("1947-01-01T00:00:00Z"), new Date("1967-01-01T00:00:00Z"), null, "Coventry–Kiel", "=1+1 is not a formula here"],
      ["@Ankh-Morpork", "", "", "Friendship city", "Suspended", null, null, new Date("2027-03-31T00:00:00Z"), "Ankh-Morpork", ""],
    ]);
    const csv = toCsv(EXPORT_HEADER, agreementTable(AGREEMENTS), { bom: true });
    expect(csv).toContain("\r\nKiel,DE,Germany,Twin town,Active,1947-01-01,1967-01-01,,Coventry–Kiel,'=1+1 is not a formula here\r\n");
    expect(csv).toContain("\r\n'@Ankh-Morpork,,,Friendship city,Suspended,,,2027-03-31,Ankh-Morpork,\r\n");
  });

  it("writes a workbook with a bold, frozen header, date cells, and guarded text", async () => {
    const bytes = await toXlsx("Agreements", EXPORT_HEADER, agreementTable(AGREEMENTS));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("Agreements")!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADER]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("A2").value).toBe("Kiel");
    expect(sheet.getCell("F2").value).toEqual(new Date("1947-01-01T00:00:00Z"));
    expect(sheet.getCell("F2").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("J2").value).toBe("'=1+1 is not a formula here");
    expect(sheet.getCell("J2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("A3").value).toBe("'@Ankh-Morpork");
    expect(sheet.rowCount).toBe(3);
  });

  it("links to the export with the list's filters, without the page", () => {
    expect(exportHref({}, "csv")).toBe("/agreements/export?format=csv");
    expect(exportHref({ q: "Kiel & Co", status: "ACTIVE", country: "DE", type: "TWIN_TOWN", sort: "since", page: 3 }, "xlsx")).toBe(
      "/agreements/export?format=xlsx&q=Kiel+%26+Co&status=ACTIVE&country=DE&type=TWIN_TOWN&sort=since",
    );
    expect(exportHref({ status: "ACTIVE", dormant: true }, "csv")).toBe("/agreements/export?format=csv&status=ACTIVE&dormant=1");
  });

  it("names the file after the filters and the day in London", () => {
    const night = new Date("2026-06-30T23:30:00Z"); // already 1 July in London (BST)
    expect(exportFileName({}, "csv", night)).toBe("agreements-2026-07-01.csv");
    expect(exportFileName({ status: "ACTIVE", country: "DE", type: "TWIN_TOWN", q: "Kiel" }, "xlsx", night)).toBe("agreements-active-de-twin-town-kiel-2026-07-01.xlsx");
    expect(exportFileName({ q: "友好城市" }, "csv", night)).toBe("agreements-2026-07-01.csv");
    expect(exportFileName({ country: "NONE" }, "csv", night)).toBe("agreements-none-2026-07-01.csv");
    expect(exportFileName({ status: "ACTIVE", dormant: true }, "csv", night)).toBe("agreements-active-dormant-2026-07-01.csv");
  });
});
