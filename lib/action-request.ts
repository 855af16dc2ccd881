// Server-action requests that are malformed at the HTTP level. Next.js answers them with a 500
// (the body cannot be decoded, or is over the limit); the proxy answers 4xx instead, so a broken
// or hostile client is told plainly that the request was wrong, and no error is logged as ours.

/** next.config.js `experimental.serverActions.bodySizeLimit` ("4mb"). */
export const ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The first bytes of a body, without reading the rest (the request itself is untouched). */
async function firstBytes(request: Request, count: number): Promise<string> {
  const reader = request.clone().body?.getReader();
  if (!reader) return "";
  let text = "";
  const decoder = new TextDecoder();
  try {
    while (text.length < count) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    // Not awaited: cancelling one branch of a cloned body settles only when the other is read too.
    reader.cancel().catch(() => undefined);
  }
  return text;
}

/**
 * A Response refusing a malformed server-action call (header Next-Action), or null to let Next.js
 * handle it. What a browser sends: a form as multipart/form-data starting with its boundary, or
 * the arguments as a JSON array (React's encodeReply); anything else cannot be an action call.
 */
export async function refuseMalformedAction(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > ACTION_BODY_LIMIT_BYTES) return refuse(413, "The request is too large: a form may send at most 4 MB.");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(request.headers.get("content-type") ?? "");
    const marker = `--${boundary?.[1] ?? boundary?.[2] ?? ""}`;
    if (!boundary || !(await firstBytes(request, marker.length)).startsWith(marker)) return refuse(400, "The form data of this request is malformed.");
    return null;
  }
  // Next.js reads any other body as the JSON-encoded arguments; a browser's fetch sends its length.
  if (!request.headers.has("content-length")) return refuse(411, "A server action's arguments must be sent with their length.");
  try {
    if (Array.isArray(JSON.parse(await request.clone().text()))) return null;
  } catch {
    // Not JSON: refused below.
  }
  return refuse(400, "The body of this request is not a server action's arguments.");
}
