export const CONTENT_TYPES = {
  json: "application/json; charset=utf-8",
  schema: "application/schema+json; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
  geojson: "application/geo+json",
  atom: "application/atom+xml; charset=utf-8",
} as const;

/** An open-data file: the right type, readable from any site (CORS), never sniffed, always revalidated. */
export function openDataResponse(body: string | Uint8Array<ArrayBuffer>, type: keyof typeof CONTENT_TYPES, filename?: string): Response {
  const headers = new Headers({
    "Content-Type": CONTENT_TYPES[type],
    "Cache-Control": "public, no-cache",
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
  });
  if (filename) headers.set("Content-Disposition", `inline; filename="${filename}"`);
  if (typeof body === "string") return new Response(body, { headers });
  // Bytes kept for every request (lib/data/public.ts): `new Response(bytes)` would copy them
  // each time (megabytes at scale); a stream hands the same, never-written bytes to the socket.
  headers.set("Content-Length", String(body.byteLength));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
  return new Response(stream, { headers });
}
