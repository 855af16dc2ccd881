// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote
// or a line break. Text cells that a spreadsheet would run as a formula are neutralised.

export type CsvValue = string | number | boolean | null | undefined;

/** First characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula (OWASP CSV injection). */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Prefixes a single quote to text that a spreadsheet would otherwise evaluate. */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

/**
 * One cell. Numbers are written as they are (a negative longitude is data, not a formula);
 * every text cell goes through the formula guard.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutraliseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header row, then one row per record, every line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
