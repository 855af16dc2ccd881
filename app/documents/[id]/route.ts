// GET /documents/<id> — a document's bytes, under the same authorization as its record: anyone who
// may read agreements, and the public only when the document is shown to the public on a link the
// public sees. Anything else is "not found" (the public learns nothing of internal papers). Served as
// an attachment, in a sandbox, never sniffed, streamed a stored piece at a time.
import { getCurrentUser } from "@/lib/auth/session";
import { getDocumentForDownload, readStoredChunk } from "@/lib/data/documents";
import { isPubliclyVisible } from "@/lib/domain/lifecycle";
import { can } from "@/lib/domain/permissions";
import { contentDisposition } from "@/lib/documents/download-name";

function notFound(): Response {
  return new Response("There is no such document.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  const document = await getDocumentForDownload(id);
  if (!document) return notFound();
  const isPublic = document.isPublic && isPubliclyVisible(document.agreement.status);
  if (!isPublic && !can(await getCurrentUser(), "agreement:read")) return notFound();
  let part = 0;
  const body = new ReadableStream<Uint8Array>({
    // One stored piece per pull: the reply never holds more than one in memory.
    async pull(controller) {
      const bytes = await readStoredChunk(document.sha256, part);
      part += 1;
      if (bytes) controller.enqueue(bytes);
      else controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": document.mediaType,
      "Content-Length": String(document.size),
      "Content-Disposition": contentDisposition(document.fileName, document.mediaType),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": isPublic ? "public, max-age=300" : "private, no-store",
      ETag: `"${document.sha256}"`,
    },
  });
}
