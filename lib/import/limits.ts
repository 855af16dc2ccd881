// Limits of the spreadsheet import, shown on /import and checked in the browser and on the server.
import type { ImportMessage } from "./import-state";

/** The largest file accepted: 2 MB (about 10,000 rows of a typical register). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The most an upload request (/import/upload) may send: the file and the form around it. A file a
 * little over MAX_FILE_BYTES still arrives, to be refused with FILE_TOO_LARGE on the page.
 */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_FILE_BYTES + 64 * 1024;

/** The most partnership rows in one file. */
export const MAX_ROWS = 10_000;

/**
 * The most cells in one file (CSV fields, or the cells of a workbook's sheets): 10,000 rows of 25
 * columns. Counted while the file is read, so a sheet too large to read is stopped early.
 */
export const MAX_CELLS = 250_000;

/** An .xlsx file is a zip: the most its parts may unpack to, so a "zip bomb" is refused before it is opened. */
export const MAX_XLSX_UNPACKED_BYTES = 60 * 1024 * 1024;

export const ACCEPTED_EXTENSIONS = [".csv", ".xlsx"] as const;

/** For the file input's `accept` attribute. */
export const ACCEPT_ATTRIBUTE = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** A file over MAX_FILE_BYTES (messages/importFlow tooLarge: the browser says the same before sending it). */
export function FILE_TOO_LARGE(bytes: number): ImportMessage {
  return { key: "importFlow.tooLarge", values: { over: formatBytes(bytes) === formatBytes(MAX_FILE_BYTES) ? "yes" : "no", size: formatBytes(bytes), max: formatBytes(MAX_FILE_BYTES) } };
}

/** The form was sent without a file. */
export const CHOOSE_FILE: ImportMessage = { key: "importFlow.chooseFile" };

export const WRONG_FILE_TYPE: ImportMessage = { key: "importFlow.wrongType" };
