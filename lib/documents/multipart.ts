// A streaming reader of multipart/form-data (RFC 7578) for the document upload: the file part goes
// to a sink as it arrives, a piece at a time, so memory does not grow with the file's size
// (Request.formData() holds the whole body). Other fields are short text, each within a limit.

export class MultipartError extends Error {
  override name = "MultipartError";
  constructor(
    readonly reason: "malformed" | "fieldTooLong" | "fileTooLarge" | "tooManyParts",
    message: string,
  ) {
    super(message);
  }
}

export type FilePartSink = {
  write(bytes: Uint8Array): Promise<void>;
  /** Called once, when the part ends or reading stops. */
  close(): Promise<void>;
};

export type MultipartResult = {
  fields: Map<string, string>;
  /** The file part's name as sent and its size; null when the form had no file part. */
  file: { fieldName: string; fileName: string; size: number } | null;
};

type Options = {
  /** The one field read as a file (others with a filename are refused). */
  fileField: string;
  /** Called when the file part begins: where its bytes go. */
  openFile: (fileName: string) => Promise<FilePartSink>;
  maxFileBytes: number;
  maxFieldBytes: number;
  maxParts?: number;
  /** Where the text fields go as each ends: the caller's own map keeps those read before an error. */
  fields?: Map<string, string>;
};

/** The boundary of a multipart/form-data Content-Type, or null. */
export function boundaryOf(contentType: string): string | null {
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

const CRLF_CRLF = Buffer.from("\r\n\r\n");

function headerParams(header: string): { name: string | null; fileName: string | null } {
  const param = (key: string) => {
    const star = new RegExp(`;\\s*${key}\\*=(?:UTF-8|utf-8)''([^;]*)`).exec(header);
    if (star) {
      try {
        return decodeURIComponent(star[1]!);
      } catch {
        return null;
      }
    }
    const quoted = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`).exec(header);
    if (quoted) return quoted[1]!.replace(/\\(.)/g, "$1");
    const bare = new RegExp(`;\\s*${key}=([^;\\s]+)`).exec(header);
    return bare ? bare[1]! : null;
  };
  return { name: param("name"), fileName: param("filename") };
}

/**
 * Reads the body part by part. The delimiter is searched in a window that never holds more than one
 * piece of the stream plus the delimiter's length, so a 20 MB file passes through in the pieces the
 * stream delivers.
 */
export async function readMultipart(body: ReadableStream<Uint8Array> | null, boundary: string, options: Options): Promise<MultipartResult> {
  if (!body) throw new MultipartError("malformed", "The request has no body.");
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields = options.fields ?? new Map<string, string>();
  let file: MultipartResult["file"] = null;
  const maxParts = options.maxParts ?? 20;
  let parts = 0;

  // "\r\n" first, so the opening delimiter looks like every other one.
  let buffer: Buffer = Buffer.from("\r\n");
  let state: "preamble" | "headers" | "body" | "done" = "preamble";
  let current: { kind: "field"; name: string; chunks: Buffer[]; size: number } | { kind: "file"; sink: FilePartSink } | { kind: "skip" } | null = null;

  const emit = async (bytes: Buffer) => {
    if (bytes.length === 0 || !current) return;
    if (current.kind === "field") {
      current.size += bytes.length;
      if (current.size > options.maxFieldBytes) throw new MultipartError("fieldTooLong", `The field "${current.name}" is too long.`);
      current.chunks.push(bytes);
    } else if (current.kind === "file") {
      file!.size += bytes.length;
      if (file!.size > options.maxFileBytes) throw new MultipartError("fileTooLarge", "The file is too large.");
      await current.sink.write(bytes);
    }
  };
  let openSink: FilePartSink | null = null;
  const closeSink = async () => {
    const sink = openSink;
    openSink = null;
    await sink?.close();
  };
  const endPart = async () => {
    if (current?.kind === "field" && !fields.has(current.name)) fields.set(current.name, Buffer.concat(current.chunks).toString("utf8"));
    if (current?.kind === "file") await closeSink();
    current = null;
  };

  const reader = body.getReader();
  let ended = false;
  try {
    for (;;) {
      // Take what the buffer holds as far as it goes; read more only when it needs more.
      let progressed = true;
      while (progressed && state !== "done") {
        progressed = false;
        if (state === "preamble" || state === "body") {
          const at = buffer.indexOf(delimiter);
          if (at === -1) {
            if (state === "body") {
              const keep = Math.min(buffer.length, delimiter.length + 1);
              await emit(buffer.subarray(0, buffer.length - keep));
              buffer = buffer.subarray(buffer.length - keep);
            } else if (buffer.length > 64 * 1024) throw new MultipartError("malformed", "The form data has no opening boundary.");
            break;
          }
          if (buffer.length < at + delimiter.length + 2) break;
          if (state === "body") await emit(buffer.subarray(0, at));
          await endPart();
          const after = buffer.subarray(at + delimiter.length, at + delimiter.length + 2).toString("latin1");
          if (after === "--") {
            state = "done";
            break;
          }
          if (after !== "\r\n") throw new MultipartError("malformed", "The form data's boundary is malformed.");
          buffer = buffer.subarray(at + delimiter.length + 2);
          state = "headers";
          progressed = true;
        } else if (state === "headers") {
          const end = buffer.indexOf(CRLF_CRLF);
          if (end === -1) {
            if (buffer.length > 16 * 1024) throw new MultipartError("malformed", "A part's headers are too long.");
            break;
          }
          const headers = buffer.subarray(0, end).toString("utf8").split("\r\n");
          buffer = buffer.subarray(end + 4);
          parts += 1;
          if (parts > maxParts) throw new MultipartError("tooManyParts", "The form has too many fields.");
          const disposition = headers.find((line) => /^content-disposition:/i.test(line));
          const { name, fileName } = disposition ? headerParams(disposition) : { name: null, fileName: null };
          if (!name) throw new MultipartError("malformed", "A part of the form has no name.");
          if (fileName !== null) {
            if (name !== options.fileField || file) current = { kind: "skip" };
            else {
              file = { fieldName: name, fileName, size: 0 };
              openSink = await options.openFile(fileName);
              current = { kind: "file", sink: openSink };
            }
          } else current = { kind: "field", name, chunks: [], size: 0 };
          state = "body";
          progressed = true;
        }
      }
      if ((state as string) === "done") break;
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      buffer = buffer.length === 0 ? Buffer.from(value) : Buffer.concat([buffer, value]);
    }
  } finally {
    if (!ended) reader.cancel().catch(() => undefined);
    await closeSink();
  }
  if (state !== "done") throw new MultipartError("malformed", "The form data ended before its closing boundary.");
  return { fields, file };
}
