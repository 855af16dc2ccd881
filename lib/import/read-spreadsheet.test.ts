import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MAX_CELLS, MAX_FILE_BYTES, MAX_ROWS, MAX_XLSX_UNPACKED_BYTES, WRONG_FILE_TYPE } from "./limits";
import { wordImportMessage } from "./import-messages";
import { readSpreadsheet, type ReadResult, type Sheet } from "./read-spreadsheet";
import { checkZipBudget, decodeText, detectDelimiter } from "./sheet-reader.mjs";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A refusal as an English page words it (false when the file was read). */
function refusalOf(result: ReadResult): string | false {
  return !result.ok && wordImportMessage(result.message, "en");
}

function sheetOf(result: ReadResult): Sheet {
  if (!result.ok) throw new Error(`Expected the file to be read: ${refusalOf(result)}`);
  return result.sheet;
}

function texts(sheet: Sheet): [number, string[]][] {
  return sheet.rows.map((row) => [row.rowNumber, row.cells.map((cell) => cell.text)]);
}

/** A minimal zip (deflated entries), to test the unpacking budget without exceljs. */
function zip(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.byteLength, 18);
    local.writeUInt32LE(entry.data.byteLength, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.byteLength, 20);
    central.writeUInt32LE(entry.data.byteLength, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + compressed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

describe("CSV files", () => {
  it("reads a UTF-8 file with a byte order mark, quoted commas and line breaks, keeping spreadsheet row numbers", async () => {
    const csv = "\uFEFFPartner name,Country,Relationship type,Purpose\r\nKiel,DE,Twin town,\"Peace, friendship\"\r\n\r\nŁódź,PL,Partnership,\"Two\nlines\"\r\n,,,\r\n友好城市,CN,Sister city,🌏\r\n";
    const sheet = sheetOf(await readSpreadsheet({ name: "partners.csv", bytes: utf8(csv) }));
    expect(sheet.kind).toBe("csv");
    expect(sheet.header).toEqual(["Partner name", "Country", "Relationship type", "Purpose"]);
    // Row 3 and row 5 are blank: left out, and the numbering still matches the spreadsheet.
    expect(texts(sheet)).toEqual([
      [2, ["Kiel", "DE", "Twin town", "Peace, friendship"]],
      [4, ["Łódź", "PL", "Partnership", "Two\nlines"]],
      [6, ["友好城市", "CN", "Sister city", "🌏"]],
    ]);
  });

  it("reads semicolon-separated files (Excel where the decimal mark is a comma) and tab-separated ones", async () => {
    expect(detectDelimiter("Partner name;Country;Relationship type\nKiel;DE;Twin town")).toBe(";");
    expect(detectDelimiter("Partner name\tCountry\nKiel\tDE")).toBe("\t");
    expect(detectDelimiter("Partner name")).toBe(",");
    const sheet = sheetOf(await readSpreadsheet({ name: "partners.csv", bytes: utf8("Partner name;Country;Latitude\nKiel;DE;54,32\n") }));
    expect(texts(sheet)).toEqual([[2, ["Kiel", "DE", "54,32"]]]);
  });

  it("reads Windows-1252 text from Excel's plain “CSV (Comma delimited)”", async () => {
    const bytes = new Uint8Array([...utf8("Partner name,Country\nS"), 0xe3, ...utf8("o Tom"), 0xe9, ...utf8(",ST\n")]);
    expect(decodeText(bytes)).toBe("Partner name,Country\nSão Tomé,ST\n");
  });

  it("refuses an empty file, a file over the limit, a binary file, an unclosed quote, and a file of another type", async () => {
    const refusal = async (name: string, bytes: Uint8Array) => {
      const result = await readSpreadsheet({ name, bytes });
      if (result.ok) throw new Error("Expected a refusal");
      return refusalOf(result);
    };
    expect(await refusal("partners.csv", new Uint8Array())).toMatch(/The file is empty/);
    expect(await refusal("partners.csv", new Uint8Array(MAX_FILE_BYTES + 1).fill(65))).toBe(
      "The file is just over 2 MB: the largest file accepted is 2 MB. Split it into smaller files and import each one.",
    );
    expect(await refusal("partners.csv", new Uint8Array(3 * 1024 * 1024).fill(65))).toMatch(/^The file is 3 MB: the largest file accepted is 2 MB/);
    expect(await refusal("partners.csv", new Uint8Array([0x00, 0x01, 0x02, 0x41, 0x42]))).toMatch(/does not look like a CSV file/);
    expect(await refusal("partners.csv", utf8('Partner name,Country\n"Kiel,DE\n'))).toMatch(/a quoted cell is never closed \(near line \d\)/);
    expect(await refusal("partners.pdf", utf8("%PDF-1.7"))).toBe(wordImportMessage(WRONG_FILE_TYPE, "en"));
    expect(await refusal("partners.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toBe(wordImportMessage(WRONG_FILE_TYPE, "en"));
    expect(await refusal("partners", utf8("Partner name"))).toBe(wordImportMessage(WRONG_FILE_TYPE, "en"));
    expect(await refusal("partners.xlsx", utf8("Partner name,Country"))).toMatch(/ends in .xlsx but is not an Excel workbook/);
    expect(await refusal("partners.csv", zip([{ name: "a.txt", data: utf8("x") }]))).toMatch(/ends in .csv but is an Excel workbook/);
    expect(await refusal("partners.csv", utf8("\n\n"))).toMatch(/The file is empty/);
  });

  it(`refuses more than ${MAX_ROWS.toLocaleString("en-GB")} rows`, async () => {
    const csv = `Partner name,Country,Relationship type\n${"Kiel,DE,Twin town\n".repeat(MAX_ROWS + 1)}`;
    const result = await readSpreadsheet({ name: "big.csv", bytes: utf8(csv) });
    expect(refusalOf(result)).toBe("The file has more than 10,000 rows: split it into smaller files and import each one.");
  });

  it(`refuses more than ${MAX_CELLS.toLocaleString("en-GB")} cells, counted as the rows are read`, async () => {
    const wide = `${Array.from({ length: 60 }, (_, column) => `Column ${column}`).join(",")}\n${`${",".repeat(59)}\n`.repeat(Math.ceil(MAX_CELLS / 60))}`;
    expect(wide.length).toBeLessThan(MAX_FILE_BYTES);
    const result = await readSpreadsheet({ name: "wide.csv", bytes: utf8(wide) });
    expect(refusalOf(result)).toBe("The file has more than 250,000 cells: remove the columns the import does not use, or split it into smaller files and import each one.");
  });
});

describe("Excel workbooks", () => {
  async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    fill(book.addWorksheet("Partners"));
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("reads the first sheet: text, numbers, dates, rich text, links and formula results", async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(["Partner name", "Country", "Relationship type", "Link began", "Population", "Website", "Title"]);
      sheet.addRow(["Kiel", "DE", "Twin town", new Date(Date.UTC(1947, 0, 1)), 246601, { text: "kiel.de", hyperlink: "https://www.kiel.de" }, { formula: 'A2&" link"', result: "Kiel link" }]);
      sheet.addRow([]);
      sheet.addRow([{ richText: [{ text: "Ł" }, { text: "ódź" }] }, "PL", "Partnership", 1994, 54.5, null, { formula: "1/0", result: { error: "#DIV/0!" } }]);
      sheet.addRow(["Dresden", "DE", "Twin town", null, null, null, { formula: "B9" }]);
    });
    const sheet = sheetOf(await readSpreadsheet({ name: "Partners.XLSX", bytes }));
    expect(sheet.kind).toBe("xlsx");
    expect(sheet.header).toEqual(["Partner name", "Country", "Relationship type", "Link began", "Population", "Website", "Title"]);
    expect(sheet.rows.map((row) => row.rowNumber)).toEqual([2, 4, 5]);
    expect(sheet.rows[0]!.cells.map((cell) => cell.text)).toEqual(["Kiel", "DE", "Twin town", "1947-01-01", "246601", "kiel.de", "Kiel link"]);
    expect(sheet.rows[1]!.cells.map((cell) => cell.text)).toEqual(["Łódź", "PL", "Partnership", "1994", "54.5", "", ""]);
    expect(sheet.rows[1]!.cells[6]!.problem).toEqual({ code: "spreadsheet-error", value: "#DIV/0!" });
    expect(sheet.rows[2]!.cells[6]!.problem).toEqual({ code: "no-saved-value" });
  });

  it("refuses a damaged workbook", async () => {
    const bytes = await workbook((sheet) => sheet.addRow(["Partner name"]));
    const result = await readSpreadsheet({ name: "partners.xlsx", bytes: bytes.slice(0, bytes.byteLength - 40) });
    expect(result.ok).toBe(false);
    expect(refusalOf(result)).toMatch(/damaged|could not be read/);
  });

  it("refuses a zip bomb before opening it", async () => {
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(70 * 1024 * 1024) }]);
    expect(bomb.byteLength).toBeLessThan(MAX_FILE_BYTES);
    expect(checkZipBudget(bomb, MAX_XLSX_UNPACKED_BYTES)).toBe("too large");
    // A zip that lies about its sizes is measured by unpacking, not by what it declares.
    const liar = zip([{ name: "a.xml", data: new Uint8Array(5 * 1024 * 1024) }]);
    const view = new DataView(liar.buffer);
    for (let offset = 0; offset < liar.byteLength - 4; offset += 1) if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, 10, true);
    expect(checkZipBudget(liar, 1024 * 1024)).toBe("too large");
    expect(checkZipBudget(zip([{ name: "a.xml", data: utf8("<a/>") }]), MAX_XLSX_UNPACKED_BYTES)).toBeNull();
    const result = await readSpreadsheet({ name: "bomb.xlsx", bytes: bomb });
    expect(refusalOf(result)).toMatch(/unpacks to far more data/);
  });

  it(`refuses a workbook of more than ${MAX_CELLS.toLocaleString("en-GB")} cells before opening it`, async () => {
    const cells = (count: number) => utf8(`<worksheet><sheetData><row r="1">${'<c r="A1"><v>1</v></c>'.repeat(count)}</row></sheetData></worksheet>`);
    const over = zip([{ name: "xl/worksheets/sheet1.xml", data: cells(MAX_CELLS + 1) }]);
    expect(checkZipBudget(over, MAX_XLSX_UNPACKED_BYTES, MAX_CELLS)).toBe("too many cells");
    expect(checkZipBudget(zip([{ name: "xl/worksheets/sheet1.xml", data: cells(10) }]), MAX_XLSX_UNPACKED_BYTES, 10)).toBeNull();
    // Cells with a namespace prefix count too; other parts' elements do not.
    const prefixed = zip([
      { name: "xl/worksheets/sheet1.xml", data: utf8('<x:worksheet><x:sheetData><x:row><x:c r="A1"/><x:c r="B1"/></x:row></x:sheetData></x:worksheet>') },
      { name: "xl/sharedStrings.xml", data: utf8("<sst><c/><c/><c/></sst>") },
    ]);
    expect(checkZipBudget(prefixed, MAX_XLSX_UNPACKED_BYTES, 2)).toBeNull();
    expect(checkZipBudget(prefixed, MAX_XLSX_UNPACKED_BYTES, 1)).toBe("too many cells");
    const result = await readSpreadsheet({ name: "huge.xlsx", bytes: over });
    expect(refusalOf(result)).toMatch(/^The file has more than 250,000 cells/);
  });

  it("reads a large workbook in a worker thread: this thread keeps running meanwhile", { timeout: 120_000 }, async () => {
    const columns = 25;
    const bytes = await workbook((sheet) => {
      sheet.addRow(["Partner name", "Country", "Relationship type", ...Array.from({ length: columns - 3 }, (_, index) => `Extra ${index}`)]);
      for (let row = 0; row < MAX_ROWS - 1; row += 1) sheet.addRow([`Town ${row}`, "DE", "Twin town", ...Array.from({ length: columns - 3 }, (_, index) => (row + index) % 10)]);
    });
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const sheet = sheetOf(await readSpreadsheet({ name: "large.xlsx", bytes }));
    const took = performance.now() - started;
    clearInterval(ticker);
    expect(sheet.rows).toHaveLength(MAX_ROWS - 1);
    expect(sheet.rows.at(-1)!.cells).toHaveLength(columns);
    // Read on this thread, the whole read is one gap; in a worker, the gaps are the few
    // milliseconds it takes to take in each batch of rows.
    expect(longestGap).toBeLessThan(took / 4);
  });
});
