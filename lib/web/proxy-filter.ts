// Request bodies the proxy refuses before Next.js reads them. Next.js reads every POST to a page as
// a possible server action, whole, and decodes its arguments recursively on the thread that answers
// everyone: a large or deeply nested body held the server for seconds and ended in a 500. So every
// body has a small limit (route handlers that need more have their own, below), and a server
// action's arguments are checked for depth and shape. The answers are 4xx, so a broken or hostile
// client is told plainly that the request was wrong, and no error is logged as ours.
import { MAX_DOCUMENT_REQUEST_BYTES } from "@/lib/documents/limits";
import { MAX_UPLOAD_REQUEST_BYTES } from "@/lib/import/limits";
import { declaresMoreThan, readBodyUpTo } from "@/lib/web/request-body";

/**
 * next.config.js `experimental.serverActions.bodySizeLimit` ("128kb"). The largest form is an
 * agreement with every text at its longest, sent again after an error (the form's previous state,
 * with every value, goes with it); its size in three scripts, and why 64 KB would not do: decision 015.
 */
export const ACTION_BODY_LIMIT_BYTES = 128 * 1024;

/** Deeper than the arguments of any form of ours (about five levels); React decodes them recursively. */
export const ACTION_NESTING_LIMIT = 32;

/** Route handlers that take a larger body and read it with their own limit (lib/web/request-body.ts). */
const OWN_BODY_LIMITS: ReadonlyMap<string, number> = new Map([["/import/upload", MAX_UPLOAD_REQUEST_BYTES]]);

/**
 * "Upload a document" (app/documents/upload): the route reads the body as a stream with
 * its own limit, never whole, so the proxy checks only its declared length (decision 021).
 */
const DOCUMENT_UPLOAD = /^\/documents\/upload$/;

/** The most bytes a request to `pathname` may send. */
export function bodyLimitFor(pathname: string): number {
  if (DOCUMENT_UPLOAD.test(pathname)) return MAX_DOCUMENT_REQUEST_BYTES;
  return OWN_BODY_LIMITS.get(pathname) ?? ACTION_BODY_LIMIT_BYTES;
}

/** Whether the route handler at `pathname` reads its body itself, with its own limit. */
function readsOwnBody(pathname: string): boolean {
  return OWN_BODY_LIMITS.has(pathname) || DOCUMENT_UPLOAD.test(pathname);
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

function tooLarge(limit: number): Response {
  return refuse(413, `The request is too large: it may send at most ${Math.round(limit / 1024)} KB.`);
}

/**
 * A 413 for a body over its route's limit, or null. By its declared length before a byte is read;
 * a body sent without one (chunked) is counted as it arrives and refused at the limit.
 */
export async function refuseOversizedBody(request: Request): Promise<Response | null> {
  if (request.method === "GET" || request.method === "HEAD" || !request.body) return null;
  const pathname = new URL(request.url).pathname;
  const limit = bodyLimitFor(pathname);
  if (declaresMoreThan(request, limit)) return tooLarge(limit);
  // Node.js ends a body at its declared length: only one sent without a length needs counting.
  // A document upload counts its own stream: a copy here would hold all of it.
  if (request.headers.has("content-length") || DOCUMENT_UPLOAD.test(pathname)) return null;
  return (await readBodyUpTo(request.clone().body, limit)) === null ? tooLarge(limit) : null;
}

/**
 * Whether JSON text nests arrays and objects more than `limit` deep (brackets inside strings do
 * not count). One pass, no parsing: it runs before anything decodes the text.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return false;
}

/**
 * The fields of a form that React decodes as JSON: with JavaScript, the arguments' parts (named by
 * a hexadecimal number); without, the bound arguments of the form's action ($ACTION_1:0). The
 * form's own fields are passed on as text.
 */
const ENCODED_FIELD = /^(?:\$ACTION_\d+:)?[0-9a-f]+$/i;

/**
 * A Response refusing a malformed server-action call, or null to let Next.js handle it. A call is a
 * POST with the Next-Action header (from JavaScript), or a form posted to a page without it (React
 * then finds the action in the form). What a browser sends: a form as multipart/form-data, or the
 * arguments as a JSON array (React's encodeReply); anything else cannot be an action call. The
 * body is already within its limit (refuseOversizedBody).
 */
export async function refuseMalformedAction(request: Request): Promise<Response | null> {
  if (request.method !== "POST") return null;
  const type = request.headers.get("content-type") ?? "";
  const multipart = type.toLowerCase().startsWith("multipart/form-data");
  const pageForm = multipart && !readsOwnBody(new URL(request.url).pathname);
  if (!request.headers.has("next-action") && !pageForm) return null;
  if (multipart) {
    let form: FormData;
    try {
      form = await new Response(request.clone().body, { headers: { "Content-Type": type } }).formData();
    } catch {
      return refuse(400, "The form data of this request is malformed.");
    }
    for (const [name, value] of form) {
      if (typeof value === "string" && ENCODED_FIELD.test(name) && nestsDeeperThan(value, ACTION_NESTING_LIMIT)) return refuse(400, "The form data of this request is nested too deeply.");
    }
    return null;
  }
  // Next.js reads any other body as the JSON-encoded arguments; a browser's fetch sends its length.
  if (!request.headers.has("content-length")) return refuse(411, "A server action's arguments must be sent with their length.");
  const text = await request.clone().text();
  if (nestsDeeperThan(text, ACTION_NESTING_LIMIT)) return refuse(400, "The arguments of this request are nested too deeply.");
  try {
    if (Array.isArray(JSON.parse(text))) return null;
  } catch {
    // Not JSON: refused below.
  }
  return refuse(400, "The body of this request is not a server action's arguments.");
}
