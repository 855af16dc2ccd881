// What a file is, found from its content (never its name or the browser's word), and whether it may
// be kept: a macro-enabled Office file, a PDF carrying JavaScript, an archive that expands beyond
// the limits, a kind of file we do not take — each refused with its reason. The file is read from
// disk a piece at a time, so memory does not grow with its size.
import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { createInflate, createInflateRaw } from "node:zlib";
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
export type Refusal = "unknownType" | "legacyOffice" | "macros" | "pdfJavaScript" | "pdfUnreadable" | "expandsTooMuch" | "damaged" | "virus" | "tooLarge" | "empty" | "scanFailed";

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
    if (head.subarray(0, 5).toString("latin1") === "%PDF-") {
      const scan = await scanPdf(path);
      if (scan === "javaScript") return refuse("pdfJavaScript");
      if (scan === "unreadable") return refuse("pdfUnreadable");
      if (scan === "expandsTooMuch") return refuse("expandsTooMuch");
      return { ok: true, kind: "pdf" };
    }
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

/** What a PDF's scan found: nothing to refuse, JavaScript, or something we cannot look inside. */
export type PdfScan = "clean" | "javaScript" | "unreadable" | "expandsTooMuch";

/** A stream's dictionary longer than this is not read: the stream is refused as unreadable. */
const MAX_PDF_DICTIONARY = 64 * 1024;

/**
 * Whether a PDF names JavaScript (a /JS key, or a /JavaScript action under /OpenAction, /AA or
 * /Names) or holds an XFA form (/XFA, whose scripts readers run), also written with #xx escapes (/J#61vaScript) — in the file's own text and inside every
 * FlateDecode stream, expanded as it is read (object streams, /ObjStm, hide whole dictionaries
 * there; images, font programs and cross-reference streams are left compressed). An object stream in a filter we cannot decode, a stream whose dictionary cannot be read,
 * or a damaged object stream is refused as unreadable; all streams together expand to at most
 * MAX_EXPANDED_BYTES. The file is read a piece at a time and each stream expanded a piece at a
 * time: memory does not grow with the file or with what its streams expand to.
 */
export async function scanPdf(path: string, expandLimit = MAX_EXPANDED_BYTES): Promise<PdfScan> {
  const raw = new NameScanner();
  const budget = { left: expandLimit };
  // Outside a stream: the text since the last stream (at most MAX_PDF_DICTIONARY), to find the next
  // stream's dictionary. Inside: the stream's sink and the last bytes not yet given to it (the
  // "endstream" that ends it may be split between pieces).
  let outside = "";
  let inside: { sink: StreamSink | null; held: string } | null = null;
  for await (const piece of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    let text = (piece as Buffer).toString("latin1");
    if (raw.push(text)) return "javaScript";
    while (text.length > 0) {
      if (!inside) {
        outside += text;
        text = "";
        const begins = /stream(\r\n|\n|\r)/g;
        let match: RegExpExecArray | null;
        let opened = false;
        while ((match = begins.exec(outside))) {
          // "endstream" is not a stream's beginning; a lone CR at the end of the piece may be a CRLF split in two.
          if (outside.slice(Math.max(0, match.index - 3), match.index) === "end") continue;
          if (match[1] === "\r" && match.index + match[0].length === outside.length) break;
          const before = outside.slice(0, match.index).trimEnd();
          if (!before.endsWith(">>")) continue;
          const dictionary = streamDictionary(before);
          const plan = dictionary === null ? "unreadable" : streamPlan(dictionary);
          if (plan === "unreadable") return "unreadable";
          inside = { sink: plan === "inflate" ? new StreamSink(budget, dictionary !== null && isObjectStream(dictionary)) : null, held: "" };
          text = outside.slice(match.index + match[0].length);
          outside = "";
          opened = true;
          break;
        }
        if (!opened) outside = outside.slice(-MAX_PDF_DICTIONARY);
        continue;
      }
      const combined = inside.held + text;
      text = "";
      const end = combined.indexOf("endstream");
      if (end === -1) {
        const keep = Math.min(combined.length, "endstream".length - 1);
        await inside.sink?.write(Buffer.from(combined.slice(0, combined.length - keep), "latin1"));
        inside.held = combined.slice(combined.length - keep);
      } else {
        await inside.sink?.write(Buffer.from(combined.slice(0, end), "latin1"));
        const result = (await inside.sink?.end()) ?? "clean";
        if (result !== "clean") return result;
        inside = null;
        text = combined.slice(end + "endstream".length);
      }
      if (inside?.sink?.stopped) {
        const result = await inside.sink.end();
        if (result !== "clean") return result;
      }
    }
  }
  if (raw.end()) return "javaScript";
  // A stream that never ends: what was given of it is still judged.
  return (await inside?.sink?.end()) ?? "clean";
}

/** Whether a PDF names JavaScript anywhere we can read (see scanPdf). */
export async function pdfCarriesJavaScript(path: string): Promise<boolean> {
  return (await scanPdf(path)) === "javaScript";
}

/** Names in text given a piece at a time: each piece is read with the end of the one before, so a name split between pieces is still seen. */
class NameScanner {
  private carry = "";
  // Every name, its first letter escaped too (/#4AS is /JS): each is decoded before it is compared.
  private static readonly name = /\/(?:#[0-9a-fA-F]{2}|[A-Za-z0-9])+/g;

  /** True once a piece names JavaScript. */
  push(piece: string): boolean {
    const text = this.carry + piece;
    for (const match of text.matchAll(NameScanner.name)) {
      // A name that reaches the end of the piece may go on in the next: it is seen again there.
      if (match.index + match[0].length === text.length) continue;
      if (namesJavaScript(match[0])) return true;
    }
    this.carry = text.slice(-64);
    return false;
  }

  end(): boolean {
    return [...this.carry.matchAll(NameScanner.name)].some((match) => namesJavaScript(match[0]));
  }
}

/** A FlateDecode stream's bytes, expanded as they come and scanned for JavaScript; stops at the shared budget. */
class StreamSink {
  private readonly inflate = createInflate({ chunkSize: 64 * 1024 });
  private readonly names = new NameScanner();
  private found = false;
  private over = false;
  private failed = false;
  private readonly finished: Promise<void>;
  stopped = false;

  constructor(
    private readonly budget: { left: number },
    private readonly objectStream: boolean,
  ) {
    this.inflate.on("data", (chunk: Buffer) => {
      budget.left -= chunk.length;
      if (budget.left < 0) this.stop("over");
      else if (this.names.push(chunk.toString("latin1"))) this.stop("found");
    });
    this.finished = new Promise((resolve) => {
      this.inflate.on("end", () => resolve());
      this.inflate.on("close", () => resolve());
      this.inflate.on("error", () => {
        this.failed = true;
        resolve();
      });
    });
  }

  private stop(why: "over" | "found") {
    if (why === "over") this.over = true;
    else this.found = true;
    this.stopped = true;
    this.inflate.destroy();
  }

  async write(bytes: Buffer): Promise<void> {
    if (this.stopped || bytes.length === 0) return;
    if (this.inflate.write(bytes)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.inflate.off("drain", done);
        this.inflate.off("close", done);
        resolve();
      };
      this.inflate.on("drain", done);
      this.inflate.on("close", done);
    });
  }

  async end(): Promise<PdfScan> {
    if (!this.stopped) this.inflate.end();
    await this.finished;
    if (!this.found && !this.over && this.names.end()) this.found = true;
    if (this.found) return "javaScript";
    if (this.over) return "expandsTooMuch";
    // A damaged image is the reader's problem; a damaged object stream may hide a dictionary from us.
    return this.failed && this.objectStream ? "unreadable" : "clean";
  }
}

/** The dictionary that ends `text` (text ending with ">>"), with its #xx escapes decoded; null when its beginning is not within reach. */
function streamDictionary(text: string): string | null {
  let depth = 0;
  for (let at = text.length - 2; at >= 0; at -= 1) {
    const pair = text.slice(at, at + 2);
    if (pair === ">>") {
      depth += 1;
      at -= 1;
    } else if (pair === "<<") {
      depth -= 1;
      if (depth === 0) return decodeNames(text.slice(at));
      at -= 1;
    }
  }
  return null;
}

function isObjectStream(dictionary: string): boolean {
  return /\/Type\s*\/ObjStm(?![A-Za-z0-9])/.test(dictionary);
}

/**
 * What to do with a stream from its dictionary: expand it (FlateDecode), leave it (no filter, or an
 * image's or font's filter: its raw bytes are scanned with the file), or refuse it ("unreadable": an
 * object stream in a filter we cannot decode, or a filter we cannot read).
 */
function streamPlan(dictionary: string): "inflate" | "raw" | "unreadable" {
  // Only the stream's own dictionary: not a /DecodeParms or other dictionary nested inside it.
  const own = topLevel(dictionary);
  const filter = /\/Filter\s*(\/[A-Za-z0-9]+|\[[^\]]*\])?/.exec(own);
  if (!filter) return "raw";
  if (!filter[1]) return "unreadable";
  const filters = filter[1].match(/\/[A-Za-z0-9]+/g) ?? [];
  if (filter[1].startsWith("[") && filter[1].replace(/\/[A-Za-z0-9]+|\s/g, "") !== "[]") return "unreadable";
  const objectStream = isObjectStream(own);
  if (filters.length === 0) return "raw";
  if (filters.length === 1 && filters[0] === "/FlateDecode") {
    // A predictor rearranges the expanded bytes: an object stream with one is not read as text.
    if (objectStream && /\/Predictor\s*(?:[2-9]|1\d)/.test(dictionary)) return "unreadable";
    // An image's pixels, a font program and a cross-reference table hold no dictionaries a reader
    // acts on, and their expanded bytes, read as text, would name /JS by chance now and then.
    if (!objectStream && BULK_BINARY.test(own)) return "raw";
    return "inflate";
  }
  return objectStream ? "unreadable" : "raw";
}

/** The dictionary of an image, an embedded font program or a cross-reference stream. */
const BULK_BINARY = /\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType)(?![A-Za-z0-9])|\/Length[123](?![A-Za-z0-9])|\/Type\s*\/XRef(?![A-Za-z0-9])/;

/** A dictionary's text with every nested dictionary blanked out. */
function topLevel(dictionary: string): string {
  let depth = 0;
  let out = "";
  for (let at = 0; at < dictionary.length; at += 1) {
    const pair = dictionary.slice(at, at + 2);
    if (pair === "<<") {
      depth += 1;
      at += 1;
      out += depth === 1 ? "<<" : "  ";
      continue;
    }
    if (pair === ">>") {
      out += depth === 1 ? ">>" : "  ";
      depth -= 1;
      at += 1;
      continue;
    }
    out += depth <= 1 ? dictionary[at] : " ";
  }
  return out;
}

function decodeNames(text: string): string {
  return text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** JavaScript, or an XFA form: its template carries scripts of its own (JavaScript or FormCalc) that readers run. */
function namesJavaScript(name: string): boolean {
  const decoded = decodeNames(name);
  return decoded === "/JS" || decoded === "/JavaScript" || decoded === "/XFA";
}
