import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, neutraliseFormula, toCsv } from "./csv";

describe("neutraliseFormula", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", '=HYPERLINK("http://x")'])("prefixes a single quote to %j", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(["Kiel", "", " =not first", "1947", "O'Brien", "a=b"])("leaves %j alone", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe("csvCell", () => {
  it("writes numbers as they are, negative ones too", () => {
    expect(csvCell(-0.1278)).toBe("-0.1278");
    expect(csvCell(247000)).toBe("247000");
  });

  it("writes null and undefined as an empty cell", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes a cell with a comma, a quote or a line break, doubling quotes", () => {
    expect(csvCell("Stoke, Staffs")).toBe('"Stoke, Staffs"');
    expect(csvCell('The "Twin"')).toBe('"The ""Twin"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("carriage\rreturn")).toBe('"carriage\rreturn"');
  });

  it("guards a formula and then quotes it", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  });
});

describe("toCsv", () => {
  it("ends every line, the last too, with CRLF", () => {
    expect(toCsv(["a", "b"], [["1", 2]])).toBe("a,b\r\n1,2\r\n");
  });

  it("is only a header row when there are no records", () => {
    expect(toCsv(["a", "b"], [])).toBe("a,b\r\n");
  });

  it("round-trips any text through an RFC 4180 parser, formulas neutralised", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "binary" }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const parsed = parse(toCsv(["x", "y"], rows), { record_delimiter: "\r\n", relax_quotes: false }) as string[][];
        expect(parsed).toEqual([["x", "y"], ...rows.map((row) => row.map(neutraliseFormula))]);
      }),
    );
  });
});
