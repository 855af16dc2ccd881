// The answers of the import's route handlers (upload/ and confirm/): a redirect (303, so the
// browser follows with a GET) to the page that shows what happened, or a short refusal.
import type { StepOutcome } from "@/lib/import/uploads";
import { isStaffLocale, localizedPath, type StaffLocale } from "@/lib/i18n/locales";

export function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The language the form was sent from (its hidden field "language"): the step lands on /import in it. English when absent or not a staff language. */
export function stepLanguage(value: unknown): StaffLocale {
  return isStaffLocale(value) ? value : "en";
}

/** Where the browser goes next: the upload's outcome, the import saying another is under way, or sign-in; in the language of the page the form was on. */
export function importStepResponse(outcome: StepOutcome | { signIn: true }, locale: StaffLocale = "en"): Response {
  const page = localizedPath("/import", locale);
  const location = "signIn" in outcome ? `${localizedPath("/login", locale)}?callbackUrl=${encodeURIComponent(page)}` : "busy" in outcome ? `${page}?busy=1` : `${page}?upload=${encodeURIComponent(outcome.uploadId)}`;
  // A relative Location: the browser resolves it against the address it used, whatever proxies sit between.
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
