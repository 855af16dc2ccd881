// The answers of the import's route handlers (upload/ and confirm/): a redirect (303, so the
// browser follows with a GET) to the page that shows what happened, or a short refusal.
import type { StepOutcome } from "@/lib/import/uploads";

export function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Where the browser goes next: the upload's outcome, the import saying another is under way, or sign-in. */
export function importStepResponse(outcome: StepOutcome | { signIn: true }): Response {
  const location = "signIn" in outcome ? `/login?callbackUrl=${encodeURIComponent("/import")}` : "busy" in outcome ? "/import?busy=1" : `/import?upload=${encodeURIComponent(outcome.uploadId)}`;
  // A relative Location: the browser resolves it against the address it used, whatever proxies sit between.
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
