// Types of sheet-reader.mjs (plain JavaScript, so that the import's worker thread can load it).

export type SheetCell = {
  text: string;
  /** Why the cell's value cannot be used (an Excel error value, a formula without a saved value); worded in lib/import/import-messages.ts. */
  problem?: { code: "spreadsheet-error"; value: string } | { code: "no-saved-value" };
};

export type SheetRow = {
  /** The row number a spreadsheet shows: the header is row 1. */
  rowNumber: number;
  cells: SheetCell[];
};

export type Sheet = { kind: "csv" | "xlsx"; header: string[]; rows: SheetRow[] };

export type ReadLimits = {
  /** The most partnership rows (the header not counted). */
  maxRows: number;
  /** The most cells: CSV fields, or cell elements of all the workbook's sheets. */
  maxCells: number;
  /** The most an .xlsx file's parts may unpack to, in bytes. */
  maxUnpackedBytes: number;
};

/** What is wrong with a file, for read-spreadsheet.ts to put in words. */
export type SheetProblem =
  | { code: "binary" | "empty" | "too-many-rows" | "too-many-cells" | "zip-too-large" | "xlsx-damaged" | "xlsx-unreadable" | "no-worksheet" }
  | { code: "csv-quote" | "csv-layout"; line?: number };

export type SheetRead = { ok: true; sheet: Sheet } | { ok: false; problem: SheetProblem };

export function decodeText(bytes: Uint8Array): string | null;
export function detectDelimiter(text: string): string;
export function checkZipBudget(bytes: Uint8Array, budget: number, maxCells?: number): "damaged" | "too large" | "too many cells" | null;
export function readSheet(kind: "csv" | "xlsx", bytes: Uint8Array, limits: ReadLimits): Promise<SheetRead>;
