// What a file is, found from its content (never its name or the browser's word), and whether it may
// be kept: a macro-enabled Office file, a PDF carrying JavaScript, an archive that expands beyond
// the limits, a kind of file we do not take — each refused with its reason. The file is read from
// disk a piece at a time, so memory does not grow with its size.
import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import { MAX_ARCHIVE_ENTRIES, MAX_EXPANDED_BYTES, MAX_EXPANSION_RATIO } from "./limits";

export type DocumentKind = "pdf" | "docx" | "xlsx" | "odt" | "ods" | "jpeg" | "png";

/** What each kind is served as. */
export const MEDIA_TYPES: Record<DocumentKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  jpeg: "image/jpeg",
  png: "image/png",
};

/** The extension a download is named with, whatever the uploaded name said. */
export const EXTENSIONS: Record<DocumentKind, string> = { pdf: "pdf", docx: "docx", xlsx: "xlsx", odt: "odt", ods: "ods", jpeg: "jpg", png: "png" };

/** Why a file was refused: a key of messages/documents "refused". */
export type Refusal = "unknownType" | "legacyOffice" | "macros" | "pdfJavaScript" | "expandsTooMuch" | "damaged" | "virus" | "tooLarge" | "empty" | "scanFailed";

export type ContentCheck = { ok: true; kind: DocumentKind } | { ok: false; refusal: Refusal };

const refuse = (refusal: Refusal): ContentCheck => ({ ok: false, refusal });

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Checks the file at `path`: its kind, or why it is refused. */
export async function checkDocumentContent(path: string): Promise<ContentCheck> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size === 0) return refuse("empty");
    const head = await readAt(handle, 0, 8);
    if (head.subarray(0, 5).toString("latin1") === "%PDF-") return (await pdfCarriesJavaScript(path)) ? refuse("pdfJavaScript") : { ok: true, kind: "pdf" };
    if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { ok: true, kind: "jpeg" };
    if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { ok: true, kind: "png" };
    // The compound file of .doc, .xls and .ppt: their macros cannot be found without reading a second file system; save as .docx or .xlsx.
    if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return refuse("legacyOffice");
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return await checkArchive(handle, size, path);
    return refuse("unknownType");
  } finally {
    await handle.close();
  }
}

type Entry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

/** The central directory of a zip file (APPNOTE 4.3.16 end record, 4.3.12 entries); null if it cannot be read. */
async function centralDirectory(handle: FileHandle, size: number): Promise<Entry[] | "tooMany" | null> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end === -1) return null;
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  // Zip64 (more than 65,535 entries or 4 GB): never an Office file of ours.
  if (count === 0xffff || directoryOffset === 0xffffffff) return "tooMany";
  if (count > MAX_ARCHIVE_ENTRIES) return "tooMany";
  if (directoryOffset + directorySize > size) return null;
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: Entry[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    entries.push({
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42),
      name: directory.subarray(at + 46, at + 46 + nameLength).toString("utf8"),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Office Open XML (docx, xlsx) or OpenDocument (odt, ods), without macros, that does not expand beyond the limits. */
async function checkArchive(handle: FileHandle, size: number, path: string): Promise<ContentCheck> {
  const entries = await centralDirectory(handle, size);
  if (entries === "tooMany") return refuse("expandsTooMuch");
  if (!entries) return refuse("damaged");
  const names = new Set(entries.map((entry) => entry.name));
  // vbaProject.bin holds an Office file's macros (docm, xlsm, or a docx renamed); OpenDocument keeps its scripts under Basic/ or Scripts/.
  if (entries.some((entry) => /(^|\/)vbaProject\.bin$/i.test(entry.name) || /^(Basic|Scripts)\//.test(entry.name))) return refuse("macros");
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > MAX_EXPANDED_BYTES || declared > Math.max(size, 1) * MAX_EXPANSION_RATIO) return refuse("expandsTooMuch");
  // The declared sizes can lie: every entry is expanded (and thrown away) counting its real size.
  const expanded = await expandedSize(handle, path, entries);
  if (expanded === "damaged") return refuse("damaged");
  if (expanded > MAX_EXPANDED_BYTES || expanded > Math.max(size, 1) * MAX_EXPANSION_RATIO) return refuse("expandsTooMuch");

  let kind: DocumentKind | null = null;
  if (names.has("[Content_Types].xml")) {
    const types = await entryText(handle, entries.find((entry) => entry.name === "[Content_Types].xml")!, 1024 * 1024);
    if (types === null) return refuse("damaged");
    if (/macroEnabled/i.test(types)) return refuse("macros");
    if (names.has("word/document.xml")) kind = "docx";
    else if (names.has("xl/workbook.xml")) kind = "xlsx";
  } else if (names.has("mimetype")) {
    const mimetype = (await entryText(handle, entries.find((entry) => entry.name === "mimetype")!, 256))?.trim();
    if (mimetype === MEDIA_TYPES.odt) kind = "odt";
    else if (mimetype === MEDIA_TYPES.ods) kind = "ods";
  }
  return kind ? { ok: true, kind } : refuse("unknownType");
}

/** Where an entry's data begins: after its local header (APPNOTE 4.3.7). */
async function dataOffset(handle: FileHandle, entry: Entry): Promise<number | null> {
  const header = await readAt(handle, entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) return null;
  return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** The total size of every entry once expanded, counted while expanding; stops past the limit. */
async function expandedSize(handle: FileHandle, path: string, entries: Entry[]): Promise<number | "damaged"> {
  let total = 0;
  for (const entry of entries) {
    if (entry.compressedSize === 0) continue;
    const start = await dataOffset(handle, entry);
    if (start === null) return "damaged";
    if (entry.method === 0) {
      total += entry.compressedSize;
      continue;
    }
    if (entry.method !== 8) return "damaged";
    const budget = MAX_EXPANDED_BYTES - total;
    const counted = await inflatedLength(path, start, entry.compressedSize, budget);
    if (counted === "damaged") return "damaged";
    total += counted;
    if (total > MAX_EXPANDED_BYTES) return total;
  }
  return total;
}

function inflatedLength(path: string, start: number, length: number, budget: number): Promise<number | "damaged"> {
  return new Promise((resolve) => {
    let counted = 0;
    const source = createReadStream(path, { start, end: start + length - 1, highWaterMark: 64 * 1024 });
    const inflate = createInflateRaw();
    const stop = (value: number | "damaged") => {
      source.destroy();
      inflate.destroy();
      resolve(value);
    };
    inflate.on("data", (chunk: Buffer) => {
      counted += chunk.length;
      if (counted > budget) stop(counted);
    });
    inflate.on("end", () => resolve(counted));
    inflate.on("error", () => stop("damaged"));
    source.on("error", () => stop("damaged"));
    source.pipe(inflate);
  });
}

/** An entry's text, up to `limit` bytes expanded (null when damaged). */
async function entryText(handle: FileHandle, entry: Entry, limit: number): Promise<string | null> {
  const start = await dataOffset(handle, entry);
  if (start === null || entry.size > limit) return null;
  const raw = await readAt(handle, start, entry.compressedSize);
  if (entry.method === 0) return raw.toString("utf8");
  const { inflateRawSync } = await import("node:zlib");
  try {
    return inflateRawSync(raw, { maxOutputLength: limit }).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * Whether a PDF names JavaScript: a /JS or /JavaScript key or action, also written with #xx escapes
 * (/J#61vaScript). Read a piece at a time, each with the end of the one before, so a name split
 * between pieces is still seen. Scripts inside compressed object streams are not expanded here.
 */
export async function pdfCarriesJavaScript(path: string): Promise<boolean> {
  const name = /\/J(?:#[0-9a-fA-F]{2}|[A-Za-z0-9])*/g;
  let carry = "";
  for await (const piece of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    const text = carry + (piece as Buffer).toString("latin1");
    for (const match of text.matchAll(name)) {
      // A name that reaches the end of the piece may go on in the next: it is seen again there.
      if (match.index + match[0].length === text.length) continue;
      if (namesJavaScript(match[0])) return true;
    }
    carry = text.slice(-64);
  }
  return [...carry.matchAll(name)].some((match) => namesJavaScript(match[0]));
}

function namesJavaScript(name: string): boolean {
  const decoded = name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return decoded === "/JS" || decoded === "/JavaScript";
}
