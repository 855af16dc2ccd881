import { describe, expect, it } from "vitest";
import { partnerIdentityKey } from "@/lib/agreements/partners";
import { IMPORT_COLUMNS, mapHeader, templateCsv } from "./columns";
import { wordImportMessage, wordRowProblem } from "./import-messages";
import type { ImportMessage } from "./import-state";
import type { Sheet } from "./read-spreadsheet";
import { quote, readDate, resolveCountry, validateSheet, validateSheetInTurns } from "./validate-rows";

const HEADER = ["Partner name", "Country", "Relationship type", "Link began", "Formalised on", "Locality type", "Themes", "Review date"];

/** A CSV-like sheet from rows of text; row 1 is the header, so data starts at row 2. */
function sheet(rows: string[][], header = HEADER, kind: Sheet["kind"] = "csv"): Sheet {
  return { kind, header, rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells: cells.map((text) => ({ text })) })) };
}

function problemsOf(rows: string[][], header = HEADER, locale: "en" | "cy" = "en"): string[] {
  return validateSheet(sheet(rows, header)).problems.map((problem) => wordRowProblem(problem, locale));
}

/** Messages as an English page shows them. */
function english(messages: readonly ImportMessage[]): string[] {
  return messages.map((message) => wordImportMessage(message, "en"));
}

describe("the header row", () => {
  it("matches the template's headers, field names and aliases whatever the case or spacing", () => {
    const map = mapHeader(["PARTNER_NAME", "country code", "relationshipType", " link began ", "Notes to self"]);
    expect(map.problems).toEqual([]);
    expect(map.fields).toMatchObject({ partnerName: 0, country: 1, relationshipType: 2, linkBegan: 3 });
    expect(map.ignored).toEqual(["Notes to self"]);
  });

  it("names every required column that is missing", () => {
    const map = mapHeader(["Partner name", "Region"]);
    expect(english(map.problems)).toEqual([
      "The file has no “Country” column. The first row must hold the column headers, as in the template.",
      "The file has no “Relationship type” column. The first row must hold the column headers, as in the template.",
    ]);
  });

  it("refuses a column given twice", () => {
    expect(english(mapHeader(["Partner name", "Country", "Country code", "Relationship type"]).problems)).toEqual([
      "The columns “Country” and “Country code” both give the country: keep one of them.",
    ]);
  });

  it("the template is every documented column, in order, with a byte order mark for Excel", () => {
    const template = templateCsv();
    expect(template.startsWith("\uFEFF")).toBe(true);
    expect(template.slice(1).trimEnd().split(",")).toEqual(IMPORT_COLUMNS.map((column) => column.header));
    expect(mapHeader(template.slice(1).trimEnd().split(",")).problems).toEqual([]);
  });
});

describe("cells to values", () => {
  it("reads countries as codes, English names (with or without accents) or common aliases", () => {
    expect(resolveCountry("de")).toBe("DE");
    expect(resolveCountry("Germany")).toBe("DE");
    expect(resolveCountry("  united kingdom ")).toBe("GB");
    expect(resolveCountry("UK")).toBe("GB");
    expect(resolveCountry("Sao Tome and Principe")).toBe("ST");
    expect(resolveCountry("São Tomé and Príncipe")).toBe("ST");
    expect(resolveCountry("Cote d'Ivoire")).toBe("CI");
    expect(resolveCountry("None")).toBe("NONE");
    expect(resolveCountry("Germny")).toBeNull();
    expect(resolveCountry("XX")).toBeNull();
  });

  it("reads ISO dates, UK dates and years; refuses the rest", () => {
    expect(readDate("1957-06-01")).toEqual({ iso: "1957-06-01" });
    expect(readDate("1/6/1957")).toEqual({ iso: "1957-06-01" });
    expect(readDate("01.06.1957")).toEqual({ iso: "1957-06-01" });
    expect(readDate("1947")).toEqual({ iso: "1947-01-01" });
    expect(readDate("1957-06-01T00:00:00.000Z")).toEqual({ iso: "1957-06-01" });
    expect(readDate("31/02/1990")).toEqual({ error: "invalid" });
    expect(readDate("1990-13-01")).toEqual({ error: "invalid" });
    expect(readDate("June 1957")).toEqual({ error: "format" });
    expect(readDate("next year")).toEqual({ error: "format" });
  });

  it("cuts long values in messages", () => {
    expect(quote("x".repeat(100))).toBe(`'${"x".repeat(39)}…'`);
  });
});

describe("validating rows", () => {
  it("accepts a good row, with labels or enum values, and builds the agreement input", () => {
    const result = validateSheet(
      sheet([
        ["Kiel", "DE", "Twin town", "1947", "1967-01-01", "City", "Reconciliation; culture", "2020-01-01"],
        ["Dresden", "Germany", "TWIN_TOWN", "1956", "", "", "", ""],
        ["Kiel", "DE", "friendship city", "", "", "", "", ""],
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(3);
    const [kiel, dresden, kielFriendship] = result.rows;
    expect(kiel!.rowNumber).toBe(2);
    expect(kiel!.input).toMatchObject({ partnerName: "Kiel", country: "DE", relationshipType: "TWIN_TOWN", localityKind: "CITY", themes: ["RECONCILIATION", "CULTURE"] });
    expect(kiel!.input.linkBegan).toEqual(new Date("1947-01-01T00:00:00Z"));
    // An overdue review date is allowed in an import (the dashboard shows it as due).
    expect(kiel!.input.reviewDate).toEqual(new Date("2020-01-01T00:00:00Z"));
    expect(dresden!.input).toMatchObject({ country: "DE", localityKind: "TOWN", relationshipType: "TWIN_TOWN", themes: [] });
    expect(kielFriendship!.input.relationshipType).toBe("FRIENDSHIP_CITY");
    expect(kiel!.partnerKey).toBe(partnerIdentityKey("Kiel", "DE"));
    expect(kiel!.linkKey).not.toBe(kielFriendship!.linkKey);
  });

  it("says in plain words what is wrong, with the spreadsheet's row number", () => {
    expect(problemsOf([["Kiel", "DE", "Twin town"], ["Germny town", "Germny", "Twin town"]], ["Partner name", "Country", "Relationship type"])).toEqual([
      "row 3: country 'Germny' is not a known country",
    ]);
  });

  it("reports a missing partner name, a bad date, an unreal date, a wrong relationship type, a wrong theme — every problem of every row", () => {
    const problems = problemsOf([
      ["", "FR", "Twin town", "", "", "", "", ""],
      ["Poix-du-Nord", "FR", "Twin city-state", "1920", "", "", "", ""],
      ["Belgrade", "RS", "Twin town", "sometime in 1953", "31/02/1957", "Metropolis", "Cooking", ""],
      ["Volgograd", "RU", "", "", "", "", "", ""],
    ]);
    expect(problems).toEqual([
      "row 2: partner name is missing",
      "row 3: relationship type 'Twin city-state' is not one of Twin town, Sister city, Friendship city, Partnership, Memorandum of understanding",
      "row 4: locality type 'Metropolis' is not one of Village, Town, City, County, Province, Region, Other",
      "row 4: theme 'Cooking' is not one of Culture, Education, Trade, Tourism, Reconciliation, Climate, Sport, Shared name, Diaspora, Technical cooperation, Humanitarian, Youth",
      "row 4: link began 'sometime in 1953' is not a date: use YYYY-MM-DD, DD/MM/YYYY or a year such as 1947",
      "row 4: formalised on '31/02/1957' is not a real date",
      "row 5: relationship type is missing: enter one of Twin town, Sister city, Friendship city, Partnership, Memorandum of understanding",
    ]);
  });

  it("applies the agreement form's own rules (one rule, one place)", () => {
    const header = ["Partner name", "Country", "Relationship type", "Link began", "Formalised on", "Latitude", "Website", "Population"];
    const problems = validateSheet(
      sheet(
        [
          ["Coventry twin", "RS", "Twin town", "1957", "1953", "", "", ""],
          ["Somewhere", "FR", "Twin town", "2999-01-01", "", "", "", ""],
          ["Lat only", "FR", "Twin town", "", "", "45.5", "", ""],
          ["Bad web", "FR", "Twin town", "", "", "", "ftp://example.org", "lots"],
          ["N".repeat(121), "FR", "Twin town", "", "", "", "", ""],
        ],
        header,
      ),
    ).problems.map((problem) => wordRowProblem(problem, "en"));
    expect(problems).toEqual([
      "row 2: formalised on must be on or after the date the link began",
      "row 3: link began cannot be in the future",
      "row 4: enter both latitude and longitude, or neither",
      "row 5: population must be a number",
      "row 5: website must be a web address, like www.lille.fr or https://www.lille.fr",
      "row 6: partner name must be 120 characters or fewer",
    ]);
  });

  it("refuses a cell that is a spreadsheet formula, and an Excel cell without a usable value", () => {
    const formula = problemsOf([['=HYPERLINK("http://evil.example","Kiel")', "DE", "Twin town"]], ["Partner name", "Country", "Relationship type"]);
    expect(formula).toEqual([`row 2: partner name '=HYPERLINK("http://evil.example","Kiel")' looks like a spreadsheet formula: enter the value itself`]);
    const excel: Sheet = {
      kind: "xlsx",
      header: ["Partner name", "Country", "Relationship type"],
      rows: [{ rowNumber: 2, cells: [{ text: "Kiel" }, { text: "", problem: { code: "spreadsheet-error", value: "#REF!" } }, { text: "Twin town" }] }],
    };
    expect(validateSheet(excel).problems.map((problem) => wordRowProblem(problem, "en"))).toEqual(["row 2: country shows the spreadsheet error #REF!"]);
  });

  it("keeps text that merely starts like a formula in a long field as data (the export guards it)", () => {
    const result = validateSheet(sheet([["Kiel", "DE", "Twin town", "-1 idea: + more"]], ["Partner name", "Country", "Relationship type", "Purpose"]));
    expect(result.problems).toEqual([]);
    expect(result.rows[0]!.input.purpose).toBe("-1 idea: + more");
  });

  it("keeps names in any script and with diacritics, normalised to NFC", () => {
    const result = validateSheet(
      sheet(
        [
          ["São Tomé", "ST", "Friendship city"],
          ["Łódź", "Poland", "Partnership"],
          ["友好城市", "CN", "Sister city"],
          ["Ankh-Morpork", "None", "Friendship city"],
          ["Mariupol 🌻", "UA", "Partnership"],
          ["Sa\u0303o Paulo", "BR", "Sister city"],
        ],
        ["Partner name", "Country", "Relationship type"],
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => [row.input.partnerName, row.input.country])).toEqual([
      ["São Tomé", "ST"],
      ["Łódź", "PL"],
      ["友好城市", "CN"],
      ["Ankh-Morpork", null],
      ["Mariupol 🌻", "UA"],
      ["São Paulo", "BR"],
    ]);
  });

  it("flags the same link twice in one file", () => {
    expect(problemsOf([["Kiel", "DE", "Twin town"], ["KIEL ", "Germany", "twin town"]], ["Partner name", "Country", "Relationship type"])).toEqual([
      "row 3: KIEL (Germany) as twin town is already on row 2: keep one of the two rows",
    ]);
  });

  it("flags a CSV row with more cells than the header (an unquoted comma)", () => {
    expect(problemsOf([["Kiel", "DE", "Twin town", "extra"]], ["Partner name", "Country", "Relationship type"])).toEqual([
      "row 2: has more cells than the header has columns — a cell with a comma in it needs double quotes around it",
    ]);
  });

  it("on the server, checks a large file in turns, letting other work run between them, with the same outcome", async () => {
    const rows = Array.from({ length: 1200 }, (_, index) => [`Town ${index}`, index % 7 === 0 ? "Germny" : "DE", "Twin town", "1990"]);
    const large = sheet(rows);
    let othersRan = 0;
    const other = setInterval(() => (othersRan += 1), 0);
    const inTurns = await validateSheetInTurns(large, 100);
    clearInterval(other);
    expect(inTurns).toEqual(validateSheet(large));
    expect(inTurns.problems).toHaveLength(Math.ceil(1200 / 7));
    expect(othersRan).toBeGreaterThan(0);
  });

  it("explains a file with headers and no rows, and notes columns it does not use", () => {
    const empty = validateSheet(sheet([], ["Partner name", "Country", "Relationship type", "Status"]));
    expect(english(empty.fileProblems)).toEqual(["The file has column headers but no partnerships: add one row per partnership under the headers."]);
    expect(english(empty.notes)).toEqual(["This column is not imported: “Status”. Every imported agreement is Active."]);
    expect(empty.notes.map((note) => wordImportMessage(note, "cy"))).toEqual(["Nid yw'r golofn hon yn cael ei mewnforio: “Status”. Statws pob cytundeb a fewnforir yw Gweithredol."]);
  });

  it("words the same problems on a Welsh page, quoting what was typed as it is", () => {
    const header = ["Partner name", "Country", "Relationship type", "Link began", "Latitude"];
    expect(
      problemsOf(
        [
          ["Kiel", "Germny", "Twin town", "", ""],
          ["Lille", "FR", "Twin town", "sometime", "45.5"],
          ["Lille", "FR", "Twin town", "", ""],
          ["Lille", "FR", "Twin town", "", ""],
        ],
        header,
        "cy",
      ),
    ).toEqual([
      "rhes 2: nid yw'r wlad 'Germny' yn wlad hysbys",
      "rhes 3: nid yw 'sometime' yn y golofn link began yn ddyddiad: defnyddiwch BBBB-MM-DD, DD/MM/BBBB neu flwyddyn fel 1947",
      "rhes 3: rhowch y lledred a'r hydred, neu'r un o'r ddau",
      "rhes 5: mae Lille (Ffrainc) fel tref efeilliedig eisoes ar res 4: cadwch un o'r ddwy res",
    ]);
  });
});
