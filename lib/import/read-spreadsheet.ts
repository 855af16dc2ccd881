// Turns an uploaded file (CSV or .xlsx) into a header and rows of text cells, or refuses it with
// a message that says what to do. Nothing here knows about agreements.
import { inflateRawSync } from "node:zlib";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { isoDate } from "@/lib/export/spreadsheet-safety";
import { FILE_TOO_LARGE, MAX_FILE_BYTES, MAX_ROWS, MAX_XLSX_UNPACKED_BYTES, WRONG_FILE_TYPE } from "./limits";

export type SheetCell = {
  text: string;
  /** Why the cell's value cannot be used (an Excel formula without a saved value, an error value). */
  problem?: string;
};

export type SheetRow = {
  /** The row number a spreadsheet shows: the header is row 1. */
  rowNumber: number;
  cells: SheetCell[];
};

export type Sheet = { kind: "csv" | "xlsx"; header: string[]; rows: SheetRow[] };

export type ReadResult = { ok: true; sheet: Sheet } | { ok: false; message: string };

export type UploadedFile = { name: string; bytes: Uint8Array };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return match ? match[1]!.toLowerCase() : "";
}

/** Size and type first, then the content: a file is read only when it is what it claims to be. */
export async function readSpreadsheet(file: UploadedFile): Promise<ReadResult> {
  if (file.bytes.byteLength === 0) return { ok: false, message: "The file is empty. Choose the spreadsheet with your partnerships." };
  if (file.bytes.byteLength > MAX_FILE_BYTES) return { ok: false, message: FILE_TOO_LARGE(file.bytes.byteLength) };
  const extension = extensionOf(file.name);
  if (extension === "xlsx") {
    if (!startsWith(file.bytes, ZIP_MAGIC)) return { ok: false, message: "The file ends in .xlsx but is not an Excel workbook. Save it again from your spreadsheet program as an Excel workbook (.xlsx)." };
    return readXlsx(file.bytes);
  }
  if (extension === "csv") {
    if (startsWith(file.bytes, ZIP_MAGIC)) return { ok: false, message: "The file ends in .csv but is an Excel workbook. Rename it to end in .xlsx, or save it as CSV UTF-8." };
    if (startsWith(file.bytes, OLE_MAGIC)) return { ok: false, message: WRONG_FILE_TYPE };
    return readCsv(file.bytes);
  }
  return { ok: false, message: WRONG_FILE_TYPE };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** UTF-8 (with or without a byte order mark); Excel's "CSV (Comma delimited)" on Windows writes Windows-1252. */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  // A NUL or other control characters mean a binary file, whatever its name.
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text.slice(0, 64 * 1024))) return null;
  return text.replace(/^\uFEFF/, "");
}

/** Comma, or the semicolon that Excel writes where the decimal mark is a comma, or tab. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((delimiter) => [delimiter, firstLine.split(delimiter).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ",";
}

function readCsv(bytes: Uint8Array): ReadResult {
  const text = decodeText(bytes);
  if (text === null) return { ok: false, message: "The file does not look like a CSV file: it holds binary data. Save your spreadsheet as CSV UTF-8 (comma delimited), or as an Excel workbook (.xlsx)." };
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 100_000 }) as string[][];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : undefined;
    const code = (error as { code?: unknown }).code;
    const what = code === "CSV_QUOTE_NOT_CLOSED" ? "a quoted cell is never closed" : "its layout is broken";
    return { ok: false, message: `The CSV file could not be read: ${what}${line ? ` (near line ${line})` : ""}. Check the quotes in that row, or save the file again from your spreadsheet program.` };
  }
  // Record n is spreadsheet row n: an empty line is an empty row there too.
  return toSheet(
    "csv",
    records.map((record, index) => ({ rowNumber: index + 1, cells: record.map((text) => ({ text })) })),
  );
}

// ---------------------------------------------------------------------------------------------
// XLSX

const cdSignature = 0x02014b50;
const eocdSignature = 0x06054b50;
const localSignature = 0x04034b50;

/**
 * Unpacks every part of the zip with a cap on the total, without keeping the output: a small
 * file that would unpack to gigabytes is refused before exceljs (which trusts the zip) opens it.
 * Returns an explanation when the zip is unusable.
 */
export function checkZipBudget(bytes: Uint8Array, budget = MAX_XLSX_UNPACKED_BYTES): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let offset = bytes.byteLength - 22; offset >= Math.max(0, bytes.byteLength - 22 - 0xffff); offset -= 1) {
    if (view.getUint32(offset, true) === eocdSignature) {
      eocd = offset;
      break;
    }
  }
  if (eocd < 0) return "damaged";
  const entries = view.getUint16(eocd + 10, true);
  let cursor = view.getUint32(eocd + 16, true);
  let remaining = budget;
  try {
    for (let entry = 0; entry < entries; entry += 1) {
      if (view.getUint32(cursor, true) !== cdSignature) return "damaged";
      const method = view.getUint16(cursor + 10, true);
      const compressedSize = view.getUint32(cursor + 20, true);
      const declaredSize = view.getUint32(cursor + 24, true);
      const nameLength = view.getUint16(cursor + 28, true);
      const extraLength = view.getUint16(cursor + 30, true);
      const commentLength = view.getUint16(cursor + 32, true);
      const localOffset = view.getUint32(cursor + 42, true);
      cursor += 46 + nameLength + extraLength + commentLength;
      if (declaredSize > remaining) return "too large";
      if (view.getUint32(localOffset, true) !== localSignature) return "damaged";
      const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      let size: number;
      if (method === 0) size = data.byteLength;
      else if (method === 8) size = inflateRawSync(data, { maxOutputLength: Math.max(1, remaining) }).byteLength;
      else return "damaged";
      remaining -= size;
      if (remaining < 0) return "too large";
    }
  } catch (error) {
    return error instanceof RangeError && /maxOutputLength|buffer|length/i.test(error.message) ? "too large" : "damaged";
  }
  return null;
}

function cellText(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15))) };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? "" : isoDate(value) };
  if ("error" in value) return { text: "", problem: `shows the spreadsheet error ${value.error}` };
  if ("richText" in value) return { text: value.richText.map((part) => part.text).join("") };
  if ("hyperlink" in value) return { text: typeof value.text === "string" ? value.text : value.hyperlink };
  if ("formula" in value || "sharedFormula" in value) {
    // What the spreadsheet shows is the formula's saved result; without one there is nothing to import.
    const result = value.result;
    if (result === undefined || result === null) return { text: "", problem: "is a formula with no saved value (paste it as a value)" };
    return cellText(result);
  }
  return { text: "" };
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const zip = checkZipBudget(bytes);
  if (zip === "too large") return { ok: false, message: "The Excel workbook unpacks to far more data than a partnership register holds, so it was not opened. Save the sheet as CSV UTF-8 and import that." };
  if (zip) return { ok: false, message: "The Excel workbook is damaged and could not be read. Save it again from your spreadsheet program, or save it as CSV UTF-8." };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's own Buffer type is a bare ArrayBuffer; it accepts a Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: "The Excel workbook could not be read. Save it again from your spreadsheet program as an Excel workbook (.xlsx), or as CSV UTF-8." };
  }
  const sheet = workbook.worksheets.find(Boolean);
  if (!sheet) return { ok: false, message: "The Excel workbook has no worksheet." };
  const rows: SheetRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > MAX_ROWS + 1) {
      tooMany = true;
      return;
    }
    const values = row.values as ExcelJS.CellValue[];
    const cells: SheetCell[] = [];
    for (let column = 1; column < values.length; column += 1) cells.push(cellText(values[column]));
    rows.push({ rowNumber, cells });
  });
  if (tooMany) return { ok: false, message: tooManyRows() };
  return toSheet("xlsx", rows);
}

// ---------------------------------------------------------------------------------------------

function tooManyRows(): string {
  return `The file has more than ${MAX_ROWS.toLocaleString("en-GB")} rows: split it into smaller files and import each one.`;
}

function isBlank(row: SheetRow): boolean {
  return row.cells.every((cell) => cell.text.trim() === "" && !cell.problem);
}

/** The first non-blank row is the header; blank rows after it are left out (keeping the numbering). */
function toSheet(kind: Sheet["kind"], all: SheetRow[]): ReadResult {
  const headerIndex = all.findIndex((row) => !isBlank(row));
  if (headerIndex < 0) return { ok: false, message: "The file is empty. The first row must hold the column headers, as in the template, and each row after it one partnership." };
  const header = all[headerIndex]!.cells.map((cell) => cell.text.normalize("NFC").trim());
  const rows = all.slice(headerIndex + 1).filter((row) => !isBlank(row));
  if (rows.length > MAX_ROWS) return { ok: false, message: tooManyRows() };
  return { ok: true, sheet: { kind, header, rows } };
}
