// "Request confirmation from partner" (issue 23 item 3): emails one of the agreement's contacts a
// single-use link (lib/links/single-use-link.ts, purpose "partner-confirmation": 14 days) to
// /confirm/<token>, in the contact's preferred language. The request is bound to the digest of the
// terms it was sent for (./terms.ts). Only the link's hash is stored; the outbox keeps the email's
// body only until it is sent (lib/notifications/send-outbox.ts LINK_MESSAGE_KINDS).
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { REQUESTABLE_STATUSES } from "@/lib/domain/partner-answer";
import { CONTACT_REFUSALS, type RequestConfirmationInput } from "@/lib/domain/validation/contacts";
import { isLocale } from "@/lib/i18n/locales";
import { issueLink } from "@/lib/links/single-use-link";
import { appUrl } from "@/lib/notifications/config";
import { readSettings } from "@/lib/settings";
import type { Confirmation } from "@/lib/web/confirmations";
import { partnerConfirmationEmail } from "./partner-email";
import { readConfirmationTerms, termsDigest } from "./terms";

const { contactWithoutEmail: CONTACT_WITHOUT_EMAIL, notRequestable: NOT_REQUESTABLE, chooseContact: CHOOSE_CONTACT } = CONTACT_REFUSALS;

export async function requestPartnerConfirmation(input: RequestConfirmationInput, actor: Actor, { clock = () => new Date() }: { clock?: () => Date } = {}): Promise<{ confirmation: Confirmation; requestId: string }> {
  requirePermission(actor, "agreement:edit");
  return db.$transaction(async (tx) => {
    const now = clock();
    const terms = await readConfirmationTerms(tx, input.agreementId);
    if (!REQUESTABLE_STATUSES.includes(terms.status)) throw new AppError("INVALID_TRANSITION", NOT_REQUESTABLE);
    const contact = await tx.contact.findFirst({ where: { id: input.contactId, agreementId: terms.agreementId }, select: { id: true, name: true, email: true, preferredLanguage: true } });
    if (!contact) throw new AppError("VALIDATION", CHOOSE_CONTACT, { contactId: [CHOOSE_CONTACT] });
    if (!contact.email) throw new AppError("VALIDATION", CONTACT_WITHOUT_EMAIL, { contactId: [CONTACT_WITHOUT_EMAIL] });
    const locale = isLocale(contact.preferredLanguage) ? contact.preferredLanguage : "en";
    const request = await tx.confirmationRequest.create({ data: { agreementId: terms.agreementId, contactId: contact.id, termsDigest: termsDigest(terms), language: locale }, select: { id: true } });
    const link = await issueLink(tx, "partner-confirmation", request.id, now);
    const { councilName } = await readSettings(tx);
    const email = partnerConfirmationEmail({ baseUrl: appUrl(), councilName, recipientName: contact.name, locale, terms, ...link });
    await tx.outboxMessage.create({
      data: { kind: "PARTNER_CONFIRMATION_REQUEST", recipientId: null, recipientEmail: contact.email, subject: email.subject, textBody: email.text, htmlBody: email.html, dedupeKey: `partner-confirmation:${request.id}` },
    });
    await writeAudit(tx, { actor, action: "agreement.confirmation-requested", entityType: "Agreement", entityId: terms.agreementId, details: { requestId: request.id, contactId: contact.id } });
    return { confirmation: "partner.confirmation-requested" as const, requestId: request.id };
  }, DECISION_TRANSACTION);
}

