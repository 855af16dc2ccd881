// POST /import/confirm — step two of the import: the user confirmed the preview. The form sends
// only the id of the checked upload (kept on the server, lib/import/uploads.ts), which is
// imported as a whole, audited, and answered with a redirect (303) to the page with the outcome.
import { getCurrentUser } from "@/lib/auth/session";
import { invalidateAfterWrite } from "@/lib/cache";
import { importStepResponse, plain, stepLanguage } from "@/lib/import/step-response";
import { confirmUpload } from "@/lib/import/uploads";
import { can } from "@/lib/domain/permissions";
import { readBodyUpTo } from "@/lib/web/request-body";
import { clientAddress } from "@/lib/web/request-context";
import { isCrossOriginPost } from "@/lib/web/request-origin";

/** The form holds one id; anything much longer is not this form. */
const BODY_LIMIT = 4 * 1024;

export async function POST(request: Request): Promise<Response> {
  if (isCrossOriginPost(request)) return plain(403, "Cross-origin form posts are not allowed.");
  const user = await getCurrentUser();
  if (!user) return importStepResponse({ signIn: true });
  if (!can(user, "import:run")) return plain(403, "You do not have permission to import.");

  const body = await readBodyUpTo(request.body, BODY_LIMIT);
  if (!body) return plain(413, "The request is too large for a confirmation.");
  const fields = new URLSearchParams(new TextDecoder().decode(body));
  const uploadId = fields.get("upload");
  if (!uploadId) return plain(400, "The confirmation does not name the checked file. Check the file again on /import.");

  const outcome = await confirmUpload(user, uploadId, { ip: await clientAddress() });
  if ("created" in outcome && outcome.created) invalidateAfterWrite(["office", "public"]);
  return importStepResponse(outcome, stepLanguage(fields.get("language")));
}
