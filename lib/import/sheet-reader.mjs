// @ts-check
// Turns the bytes of a CSV file or an .xlsx workbook into a header and rows of text cells, or
// names what is wrong with it. It runs in the import's worker thread (parse-worker.mjs), so it
// is plain JavaScript that Node.js loads as it is, in Vitest and in the production build alike;
// its types are in sheet-reader.d.mts. The messages a person reads are made from the problem
// codes in read-spreadsheet.ts.
import { inflateRawSync } from "node:zlib";
import { parse as parseCsv } from "csv-parse/sync";

/** @typedef {import("./sheet-reader.mjs").SheetCell} SheetCell */
/** @typedef {import("./sheet-reader.mjs").SheetRow} SheetRow */
/** @typedef {import("./sheet-reader.mjs").ReadLimits} ReadLimits */
/** @typedef {import("./sheet-reader.mjs").SheetRead} SheetRead */

/** Thrown while reading to stop at a limit; turned into a problem code. */
class LimitReached extends Error {
  /** @param {"too-many-rows" | "too-many-cells"} code */
  constructor(code) {
    super(code);
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * UTF-8 (with or without a byte order mark); Excel's "CSV (Comma delimited)" on Windows writes
 * Windows-1252. Null for binary data.
 * @param {Uint8Array} bytes
 * @returns {string | null}
 */
export function decodeText(bytes) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  // A NUL or other control characters mean a binary file, whatever its name.
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text.slice(0, 64 * 1024))) return null;
  return text.replace(/^\uFEFF/, "");
}

/**
 * Comma, or the semicolon that Excel writes where the decimal mark is a comma, or tab.
 * @param {string} text
 * @returns {string}
 */
export function detectDelimiter(text) {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((delimiter) => /** @type {const} */ ([delimiter, firstLine.split(delimiter).length - 1]));
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ",";
}

/**
 * @param {Uint8Array} bytes
 * @param {ReadLimits} limits
 * @returns {SheetRead}
 */
function readCsv(bytes, limits) {
  const text = decodeText(bytes);
  if (text === null) return { ok: false, problem: { code: "binary" } };
  let cells = 0;
  /** @type {string[][]} */
  let records;
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 100_000,
      // Counted as each record is read: a file of empty cells stops at the limit.
      on_record: (/** @type {string[]} */ record, /** @type {{ records: number }} */ context) => {
        cells += record.length;
        if (cells > limits.maxCells) throw new LimitReached("too-many-cells");
        if (context.records > limits.maxRows + 1) throw new LimitReached("too-many-rows");
        return record;
      },
    });
  } catch (error) {
    if (error instanceof LimitReached) return { ok: false, problem: { code: error.code } };
    const line = typeof (/** @type {{ lines?: unknown }} */ (error).lines) === "number" ? /** @type {{ lines: number }} */ (error).lines : undefined;
    const code = /** @type {{ code?: unknown }} */ (error).code;
    return { ok: false, problem: { code: code === "CSV_QUOTE_NOT_CLOSED" ? "csv-quote" : "csv-layout", ...(line ? { line } : {}) } };
  }
  // Record n is spreadsheet row n: an empty line is an empty row there too.
  return toSheet(
    "csv",
    records.map((record, index) => ({ rowNumber: index + 1, cells: record.map((cellText) => ({ text: cellText })) })),
    limits,
  );
}

// ---------------------------------------------------------------------------------------------
// XLSX

const cdSignature = 0x02014b50;
const eocdSignature = 0x06054b50;
const localSignature = 0x04034b50;

/** A cell element of a worksheet part (<c …>, also with a namespace prefix such as <x:c …>). */
const CELL_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;

/**
 * Unpacks every part of the zip with a cap on the total, without keeping the output: a small
 * file that would unpack to gigabytes is refused before exceljs (which trusts the zip) opens it.
 * The cells of the worksheets are counted on the way, so a sheet too large to read is refused
 * before it is read. Returns what is wrong, or null.
 * @param {Uint8Array} bytes
 * @param {number} budget the most the parts may unpack to, in bytes
 * @param {number} maxCells the most cells all worksheets together may have
 * @returns {"damaged" | "too large" | "too many cells" | null}
 */
export function checkZipBudget(bytes, budget, maxCells = Number.POSITIVE_INFINITY) {
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
  let cells = 0;
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
      const name = new TextDecoder().decode(bytes.subarray(cursor + 46, cursor + 46 + nameLength));
      cursor += 46 + nameLength + extraLength + commentLength;
      if (declaredSize > remaining) return "too large";
      if (view.getUint32(localOffset, true) !== localSignature) return "damaged";
      const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      /** @type {Uint8Array} */
      let unpacked;
      if (method === 0) unpacked = data;
      else if (method === 8) unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, remaining) });
      else return "damaged";
      remaining -= unpacked.byteLength;
      if (remaining < 0) return "too large";
      if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
        cells += countCells(unpacked);
        if (cells > maxCells) return "too many cells";
      }
    }
  } catch (error) {
    return error instanceof RangeError && /maxOutputLength|buffer|length/i.test(error.message) ? "too large" : "damaged";
  }
  return null;
}

/**
 * The cell elements in a worksheet's XML.
 * @param {Uint8Array} xml
 */
function countCells(xml) {
  // latin1 maps byte for byte: the element names are ASCII whatever the text's encoding.
  const text = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString("latin1");
  let count = 0;
  CELL_ELEMENT.lastIndex = 0;
  while (CELL_ELEMENT.exec(text)) count += 1;
  return count;
}

/** @param {Date} date */
function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/**
 * @param {import("exceljs").CellValue} value
 * @returns {SheetCell}
 */
function cellText(value) {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15))) };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? "" : isoDate(value) };
  if ("error" in value) return { text: "", problem: { code: "spreadsheet-error", value: String(value.error) } };
  if ("richText" in value) return { text: value.richText.map((part) => part.text).join("") };
  if ("hyperlink" in value) return { text: typeof value.text === "string" ? value.text : value.hyperlink };
  if ("formula" in value || "sharedFormula" in value) {
    // What the spreadsheet shows is the formula's saved result; without one there is nothing to import.
    const result = value.result;
    if (result === undefined || result === null) return { text: "", problem: { code: "no-saved-value" } };
    return cellText(/** @type {import("exceljs").CellValue} */ (result));
  }
  return { text: "" };
}

/**
 * @param {Uint8Array} bytes
 * @param {ReadLimits} limits
 * @returns {Promise<SheetRead>}
 */
async function readXlsx(bytes, limits) {
  const zip = checkZipBudget(bytes, limits.maxUnpackedBytes, limits.maxCells);
  if (zip === "too large") return { ok: false, problem: { code: "zip-too-large" } };
  if (zip === "too many cells") return { ok: false, problem: { code: "too-many-cells" } };
  if (zip) return { ok: false, problem: { code: "xlsx-damaged" } };
  // Loaded only for a workbook: a CSV file's worker starts sooner without it.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's own Buffer type is a bare ArrayBuffer; it accepts a Node Buffer.
    await workbook.xlsx.load(/** @type {import("exceljs").Buffer} */ (/** @type {unknown} */ (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))));
  } catch {
    return { ok: false, problem: { code: "xlsx-unreadable" } };
  }
  const sheet = workbook.worksheets.find(Boolean);
  if (!sheet) return { ok: false, problem: { code: "no-worksheet" } };
  /** @type {SheetRow[]} */
  const rows = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > limits.maxRows + 1) {
      tooMany = true;
      return;
    }
    const values = /** @type {import("exceljs").CellValue[]} */ (row.values);
    /** @type {SheetCell[]} */
    const cells = [];
    for (let column = 1; column < values.length; column += 1) cells.push(cellText(values[column]));
    rows.push({ rowNumber, cells });
  });
  if (tooMany) return { ok: false, problem: { code: "too-many-rows" } };
  return toSheet("xlsx", rows, limits);
}

// ---------------------------------------------------------------------------------------------

/** @param {SheetRow} row */
function isBlank(row) {
  return row.cells.every((cell) => cell.text.trim() === "" && !cell.problem);
}

/**
 * The first non-blank row is the header; blank rows after it are left out (keeping the numbering).
 * @param {"csv" | "xlsx"} kind
 * @param {SheetRow[]} all
 * @param {ReadLimits} limits
 * @returns {SheetRead}
 */
function toSheet(kind, all, limits) {
  const headerIndex = all.findIndex((row) => !isBlank(row));
  if (headerIndex < 0) return { ok: false, problem: { code: "empty" } };
  const header = /** @type {SheetRow} */ (all[headerIndex]).cells.map((cell) => cell.text.normalize("NFC").trim());
  const rows = all.slice(headerIndex + 1).filter((row) => !isBlank(row));
  if (rows.length > limits.maxRows) return { ok: false, problem: { code: "too-many-rows" } };
  return { ok: true, sheet: { kind, header, rows } };
}

/**
 * Reads a file already known to be CSV or .xlsx by its name and first bytes.
 * @param {"csv" | "xlsx"} kind
 * @param {Uint8Array} bytes
 * @param {ReadLimits} limits
 * @returns {Promise<SheetRead>}
 */
export async function readSheet(kind, bytes, limits) {
  return kind === "xlsx" ? readXlsx(bytes, limits) : readCsv(bytes, limits);
}
