// Whether a partner's confirmation link (/confirm/<token>) still opens its form, and why not: the
// one rule the page (lib/data/contacts.ts) and the proxy's status code (proxy.ts: 404 for a link
// we never sent, 410 Gone for one used, expired or outdated) both read. Opening it uses nothing up.
// No "server-only" here: proxy.ts imports it; it runs in the server process and shares its
// database connection (lib/db keeps it on globalThis).
import { db } from "@/lib/db";
import { answerable, type UnusableLink } from "@/lib/domain/partner-answer";
import { inspectLink } from "@/lib/links/single-use-link";
import { readConfirmationTerms, termsDigest, type ConfirmationTerms } from "./terms";

export type ConfirmationLinkState = { kind: "open"; terms: ConfirmationTerms; expiresAt: Date; language: string } | { kind: "unusable"; reason: UnusableLink };

export async function confirmationLinkState(token: string, now = new Date()): Promise<ConfirmationLinkState> {
  const link = await inspectLink("partner-confirmation", token, now);
  if (link.state !== "live") return { kind: "unusable", reason: link.state };
  const request = await db.confirmationRequest.findUnique({ where: { id: link.subjectId }, select: { agreementId: true, termsDigest: true, contactId: true, language: true } });
  if (!request) return { kind: "unusable", reason: "unknown" };
  const terms = await readConfirmationTerms(db, request.agreementId);
  if (!answerable({ termsDigest: request.termsDigest, contactKept: request.contactId !== null }, { termsDigest: termsDigest(terms), status: terms.status })) {
    return { kind: "unusable", reason: "outdated" };
  }
  return { kind: "open", terms, expiresAt: link.expiresAt, language: request.language };
}

/**
 * The HTTP status of the link's page: 200 while it opens the form, 404 for a link we never sent
 * (forged, mistyped, or deleted a day after it expired), 410 Gone for one used, expired or whose
 * terms changed. Just answered through it (?answered=): the thanks page, 200.
 */
export function confirmationPageStatus(state: ConfirmationLinkState, answered: boolean): 200 | 404 | 410 {
  if (state.kind === "open") return 200;
  if (state.reason === "unknown") return 404;
  return answered && state.reason === "used" ? 200 : 410;
}
