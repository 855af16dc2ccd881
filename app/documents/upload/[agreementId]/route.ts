// POST /documents/upload/<agreement id> — "Upload a document", from the plain form on the agreement
// page (it works without JavaScript). Outside the proxy's matcher (proxy.ts): Next.js copies every
// body the proxy may read into memory, and cuts it at 10 MB. So this route refuses a cross-site post
// itself, and streams the body with its own limit (lib/documents/upload-document.ts). The answer is
// a redirect (303) to the agreement page, with the confirmation or the problems as codes.
import { getCurrentUser } from "@/lib/auth/session";
import { invalidateAfterWrite } from "@/lib/cache";
import { AppError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/permissions";
import { isUuid } from "@/lib/domain/validation/fields";
import { DOCUMENT_PROBLEM_PARAM } from "@/lib/domain/validation/document";
import { MAX_DOCUMENT_REQUEST_BYTES } from "@/lib/documents/limits";
import { boundaryOf } from "@/lib/documents/multipart";
import { DOCUMENT_WRITE, uploadDocument } from "@/lib/documents/upload-document";
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

type Context = { params: Promise<{ agreementId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { agreementId } = await params;
  if (isCrossOriginPost(request)) return plain(403, "Cross-origin form posts are not allowed.");
  // The page's language travels in the address (?language=cy): the fields come after the file.
  const languageParam = new URL(request.url).searchParams.get("language");
  const language = isStaffLocale(languageParam) ? languageParam : "en";
  const page = localizedPath(`/agreements/${agreementId}`, language);
  const user = await getCurrentUser();
  if (!user) return seeOther(`${localizedPath("/login", language)}?callbackUrl=${encodeURIComponent(page)}`);
  if (!can(user, DOCUMENT_WRITE)) return plain(403, "You do not have permission to upload documents.");
  if (!isUuid(agreementId)) return plain(404, "There is no such agreement.");
  const boundary = boundaryOf(request.headers.get("content-type") ?? "");
  if (!boundary) return plain(415, "Send the document with the form on the agreement page (multipart/form-data).");
  const refused = (problems: readonly string[]) => seeOther(`${page}?${DOCUMENT_PROBLEM_PARAM}=${problems.join(",")}#upload-document`);
  if (declaresMoreThan(request, MAX_DOCUMENT_REQUEST_BYTES)) return refused(["tooLarge"]);
  try {
    const outcome = await uploadDocument(user, agreementId, request.body, boundary, { ip: await clientAddress() });
    if (!outcome.ok) return refused(outcome.problems);
    invalidateAfterWrite(["office", "public"]);
    return seeOther(`${page}?done=documentUploaded#documents`);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return plain(404, error.message);
    throw error;
  }
}
