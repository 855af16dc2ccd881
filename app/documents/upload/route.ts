// POST /documents/upload?agreement=<id> — "Upload a document", from the plain form on the agreement
// page (it works without JavaScript). Outside the proxy's matcher (proxy.ts): Next.js copies every
// body the proxy may read into memory, and cuts it at 10 MB. So this route refuses a cross-site post
// itself, and streams the body with its own limit (lib/documents/upload-document.ts). The answer is
// a redirect (303) to the agreement page, with the confirmation or the problems as codes.
import { getCurrentUser } from "@/lib/auth/session";
import { invalidateAfterWrite } from "@/lib/cache";
import { AppError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/permissions";
import { isUuid } from "@/lib/domain/validation/fields";
import { DOCUMENT_DRAFT_PARAM, DOCUMENT_PROBLEM_PARAM, documentDraftValue } from "@/lib/domain/validation/document";
import { MAX_DOCUMENT_REQUEST_BYTES } from "@/lib/documents/limits";
import { boundaryOf } from "@/lib/documents/multipart";
import { DOCUMENT_WRITE, fieldsBeforeFile, uploadDocument } from "@/lib/documents/upload-document";
import { isStaffLocale, localizedPath } from "@/lib/i18n/locales";
import { declaresMoreThan } from "@/lib/web/request-body";
import { clientAddress } from "@/lib/web/request-context";
import { isCrossOriginPost } from "@/lib/web/request-origin";

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  if (isCrossOriginPost(request)) return plain(403, "Cross-origin form posts are not allowed.");
  // The agreement and the page's language travel in the address (?agreement=…&language=cy), not
  // in the body, where they would come after the file; not in a path segment either: this route is
  // outside the proxy, whose check of an undecodable segment (%ff) keeps Next.js from a 500.
  const query = new URL(request.url).searchParams;
  const agreementId = query.get("agreement") ?? "";
  const languageParam = query.get("language");
  const language = isStaffLocale(languageParam) ? languageParam : "en";
  const page = localizedPath(isUuid(agreementId) ? `/agreements/${agreementId}` : "/agreements", language);
  const user = await getCurrentUser();
  if (!user) return seeOther(`${localizedPath("/login", language)}?callbackUrl=${encodeURIComponent(page)}`);
  if (!can(user, DOCUMENT_WRITE)) return plain(403, "You do not have permission to upload documents.");
  if (!isUuid(agreementId)) return plain(404, "There is no such agreement.");
  const boundary = boundaryOf(request.headers.get("content-type") ?? "");
  if (!boundary) return plain(415, "Send the document with the form on the agreement page (multipart/form-data).");
  // Refused: the problems, and what the user typed, so the form comes back filled in.
  const refused = (problems: readonly string[], fields: Record<string, string> = {}) => {
    const draft = documentDraftValue(fields);
    return seeOther(`${page}?${DOCUMENT_PROBLEM_PARAM}=${problems.join(",")}${draft ? `&${DOCUMENT_DRAFT_PARAM}=${encodeURIComponent(draft)}` : ""}#upload-document`);
  };
  // Too large by its own account: only the fields before the file are read, to come back in the form.
  if (declaresMoreThan(request, MAX_DOCUMENT_REQUEST_BYTES)) return refused(["tooLarge"], await fieldsBeforeFile(request.body, boundary));
  try {
    const outcome = await uploadDocument(user, agreementId, request.body, boundary, { ip: await clientAddress() });
    if (!outcome.ok) return refused(outcome.problems, outcome.fields);
    invalidateAfterWrite(["office", "public"]);
    return seeOther(`${page}?done=documentUploaded#documents`);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return plain(404, error.message);
    throw error;
  }
}
