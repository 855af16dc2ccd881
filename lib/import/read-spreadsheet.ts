// Turns an uploaded file (CSV or .xlsx) into a header and rows of text cells, or refuses it with
// a message that says what to do (worded on the page, lib/import/import-messages.ts). Nothing here
// knows about agreements.
//
// The reading itself (sheet-reader.mjs) runs in a worker thread with its own memory limit, so a
// large workbook never holds up the requests of everyone else; only a few run at once.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ImportMessage } from "./import-state";
import { FILE_TOO_LARGE, MAX_CELLS, MAX_FILE_BYTES, MAX_ROWS, MAX_XLSX_UNPACKED_BYTES, WRONG_FILE_TYPE } from "./limits";
import type { ReadLimits, Sheet, SheetProblem, SheetRow } from "./sheet-reader.mjs";

export type { Sheet, SheetCell, SheetRow } from "./sheet-reader.mjs";

export type ReadResult = { ok: true; sheet: Sheet } | { ok: false; message: ImportMessage };

export type UploadedFile = { name: string; bytes: Uint8Array };

/** The heap a worker may grow to: the largest file within MAX_CELLS needs well under half of it. */
const WORKER_HEAP_MB = 384;
/** Workers reading at once in this process, leaving a core to answer requests; others wait their turn (each can use WORKER_HEAP_MB). */
const PARALLEL_READS = Math.max(1, availableParallelism() - 1);
/** A read that has not finished by then is stopped. */
const READ_TIMEOUT_MS = 60_000;

const LIMITS: ReadLimits = { maxRows: MAX_ROWS, maxCells: MAX_CELLS, maxUnpackedBytes: MAX_XLSX_UNPACKED_BYTES };

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
  if (file.bytes.byteLength === 0) return { ok: false, message: { key: "importPage.importer.emptyFile" } };
  if (file.bytes.byteLength > MAX_FILE_BYTES) return { ok: false, message: FILE_TOO_LARGE(file.bytes.byteLength) };
  const extension = extensionOf(file.name);
  if (extension === "xlsx") {
    if (!startsWith(file.bytes, ZIP_MAGIC)) return { ok: false, message: { key: "importPage.importer.notWorkbook" } };
    return readInWorker("xlsx", file.bytes);
  }
  if (extension === "csv") {
    if (startsWith(file.bytes, ZIP_MAGIC)) return { ok: false, message: { key: "importPage.importer.csvIsWorkbook" } };
    if (startsWith(file.bytes, OLE_MAGIC)) return { ok: false, message: WRONG_FILE_TYPE };
    return readInWorker("csv", file.bytes);
  }
  return { ok: false, message: WRONG_FILE_TYPE };
}

/** What the person is told for each problem the reader finds. */
function problemMessage(problem: SheetProblem): ImportMessage {
  switch (problem.code) {
    case "binary":
      return { key: "importPage.importer.binary" };
    case "csv-quote":
    case "csv-layout":
      return { key: "importPage.importer.csvUnreadable", values: { reason: problem.code === "csv-quote" ? "quote" : "layout", line: problem.line ? String(problem.line) : "none" } };
    case "empty":
      return { key: "importPage.importer.noHeader" };
    case "too-many-rows":
      return { key: "importPage.importer.tooManyRows", values: { max: MAX_ROWS } };
    case "too-many-cells":
      return { key: "importPage.importer.tooManyCells", values: { max: MAX_CELLS } };
    case "zip-too-large":
      return { key: "importPage.importer.zipTooLarge" };
    case "xlsx-damaged":
      return { key: "importPage.importer.xlsxDamaged" };
    case "xlsx-unreadable":
      return { key: "importPage.importer.xlsxUnreadable" };
    case "no-worksheet":
      return { key: "importPage.importer.noWorksheet" };
    default:
      return assertNever(problem);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected reader problem ${JSON.stringify(value)}`);
}

const TOO_HEAVY: ImportMessage = { key: "importPage.importer.tooHeavy" };

// ---------------------------------------------------------------------------------------------
// The worker

type WorkerMessage = { type: "rows"; rows: SheetRow[] } | { type: "done"; kind: Sheet["kind"]; header: string[] } | { type: "problem"; problem: SheetProblem };

let running = 0;
const waiting: (() => void)[] = [];

/** Waits for one of the PARALLEL_READS places; the returned function gives it back. */
async function takeTurn(): Promise<() => void> {
  if (running >= PARALLEL_READS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  let given = false;
  return () => {
    if (given) return;
    given = true;
    const next = waiting.shift();
    // The place passes straight to the next in line, so `running` stays as it is.
    if (next) next();
    else running -= 1;
  };
}

async function readInWorker(kind: Sheet["kind"], bytes: Uint8Array): Promise<ReadResult> {
  const done = await takeTurn();
  try {
    return await runWorker(kind, bytes);
  } finally {
    done();
  }
}

function runWorker(kind: Sheet["kind"], bytes: Uint8Array): Promise<ReadResult> {
  // A copy of its own for the worker (the caller keeps the file, e.g. to store it).
  const copy = bytes.slice();
  return new Promise<ReadResult>((resolve, reject) => {
    const worker = new Worker(new URL("./parse-worker.mjs", import.meta.url), {
      workerData: { kind, bytes: copy, limits: LIMITS },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    const rows: SheetRow[] = [];
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => resolve({ ok: false, message: TOO_HEAVY })), READ_TIMEOUT_MS);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "rows") {
        for (const row of message.rows) rows.push(row);
        // The next batch once other requests have had a turn.
        setImmediate(() => {
          if (!settled) worker.postMessage("more");
        });
        return;
      }
      if (message.type === "problem") settle(() => resolve({ ok: false, message: problemMessage(message.problem) }));
      else settle(() => resolve({ ok: true, sheet: { kind: message.kind, header: message.header, rows } }));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") settle(() => resolve({ ok: false, message: TOO_HEAVY }));
      else settle(() => reject(error));
    });
    worker.on("exit", (code) => settle(() => reject(new Error(`The spreadsheet reader stopped (exit code ${code}) without an answer.`))));
  });
}
