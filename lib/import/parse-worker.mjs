// @ts-check
// The import's worker thread: reads one spreadsheet (sheet-reader.mjs) away from the thread that
// answers requests, then exits. Rows go back in batches, the next only when the main thread asks
// for it: taking in a message holds that thread, and Node.js delivers waiting messages all in one go.
// Started by read-spreadsheet.ts.
import { parentPort, workerData } from "node:worker_threads";
import { readSheet } from "./sheet-reader.mjs";

const BATCH = 500;

/** @type {{ kind: "csv" | "xlsx"; bytes: Uint8Array; limits: import("./sheet-reader.mjs").ReadLimits }} */
const { kind, bytes, limits } = workerData;
const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
const asked = () => new Promise((resolve) => port.once("message", resolve));

const read = await readSheet(kind, bytes, limits);
if (!read.ok) {
  port.postMessage({ type: "problem", problem: read.problem });
} else {
  const { rows, ...head } = read.sheet;
  for (let start = 0; start < rows.length; start += BATCH) {
    port.postMessage({ type: "rows", rows: rows.slice(start, start + BATCH) });
    await asked();
  }
  port.postMessage({ type: "done", ...head });
}
