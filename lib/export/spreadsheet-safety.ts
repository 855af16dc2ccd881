// The one formula-injection guard for every file a spreadsheet may open (staff exports and the
// public open data), and the RFC 4180 CSV writer built on it.
// See OWASP "CSV Injection": a cell that starts with = + - @, a tab or a carriage return is run
// as a formula by Excel, LibreOffice and Google Sheets; a leading single quote makes it text.

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** True when a spreadsheet would treat this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!);
}

/** Prefixes a single quote to text that a spreadsheet would otherwise evaluate. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** A calendar date (stored at UTC midnight) as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * One CSV cell. Numbers are written as they are (a negative longitude is data, not a formula);
 * dates as YYYY-MM-DD; every text cell goes through the formula guard.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutraliseFormula(value) : value instanceof Date ? isoDate(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file: a header row, then one row per record, every line ending in CRLF.
 * `bom` adds a UTF-8 byte order mark, which Excel needs to read accented and non-Latin text.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  const body = [header, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
  return options.bom ? `\uFEFF${body}` : body;
}
