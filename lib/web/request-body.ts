// Reading a request body with a limit: a declared Content-Length over it is refused before a byte
// is read, and a body sent without one (chunked) is counted as it arrives and cut off at the limit.

/** Whether the request declares a body longer than `limit` bytes. */
export function declaresMoreThan(request: Request, limit: number): boolean {
  const length = request.headers.get("content-length");
  return length !== null && !(Number(length) <= limit);
}

/** The body, or null when it is longer than `limit` bytes (reading stops there). */
export async function readBodyUpTo(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) return null;
      chunks.push(value);
    }
  } finally {
    // Not awaited: cancelling a branch of a cloned body settles only when the other is read too.
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
