// POST /import/upload — step one of the import: the spreadsheet, from the form on /import (it works
// without JavaScript). The body is read with the import's own limit, not through a server action
// (whose limit is kept small for everyone); every row is checked and nothing is imported; the
// answer is a redirect (303) to /import?upload=<id>, which shows the preview.
import { getCurrentUser } from "@/lib/auth/session";
import { CHOOSE_FILE, FILE_TOO_LARGE, MAX_FILE_BYTES, MAX_UPLOAD_REQUEST_BYTES } from "@/lib/import/limits";
import { importStepResponse, plain, stepLanguage } from "@/lib/import/step-response";
import { checkUpload, keepRefusal } from "@/lib/import/uploads";
import { can } from "@/lib/domain/permissions";
import { declaresMoreThan, readBodyUpTo } from "@/lib/web/request-body";
import { isCrossOriginPost } from "@/lib/web/request-origin";

export async function POST(request: Request): Promise<Response> {
  if (isCrossOriginPost(request)) return plain(403, "Cross-origin form posts are not allowed.");
  const user = await getCurrentUser();
  if (!user) return importStepResponse({ signIn: true });
  if (!can(user, "import:run")) return plain(403, "You do not have permission to import.");

  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) return plain(415, "Send the spreadsheet with the form on /import (multipart/form-data).");
  const tooLarge = `The request is too large: the largest file accepted is ${Math.round(MAX_FILE_BYTES / (1024 * 1024))} MB.`;
  if (declaresMoreThan(request, MAX_UPLOAD_REQUEST_BYTES)) return plain(413, tooLarge);
  const body = await readBodyUpTo(request.body, MAX_UPLOAD_REQUEST_BYTES);
  if (!body) return plain(413, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": type } }).formData();
  } catch {
    return plain(400, "The form data of this request is malformed.");
  }

  const file = form.get("file");
  const locale = stepLanguage(form.get("language"));
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return importStepResponse({ uploadId: await keepRefusal(user, CHOOSE_FILE) }, locale);
  if (file.size > MAX_FILE_BYTES) return importStepResponse({ uploadId: await keepRefusal(user, FILE_TOO_LARGE(file.size), file.name) }, locale);
  return importStepResponse(await checkUpload(user, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }), locale);
}
