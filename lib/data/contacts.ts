import "server-only";
import { db } from "@/lib/db";
import type { PartnerAnswerKind } from "@/generated/prisma/enums";
import type { UnusableLink } from "@/lib/domain/partner-answer";
import { isUuid } from "@/lib/domain/validation/fields";
import { confirmationLinkState } from "@/lib/contacts/link-state";
import type { ConfirmationTerms } from "@/lib/contacts/terms";
import { getSettings } from "./settings";

export type ContactRow = { id: string; name: string; organisation: string; role: string; email: string | null; phone: string; preferredLanguage: string; notes: string };

export type PartnerAnswerRow = {
  id: string;
  answer: PartnerAnswerKind;
  reference: string | null;
  contactName: string;
  contactOrganisation: string;
  createdAt: Date;
  accepted: boolean;
};

export type ConfirmationRequestRow = { id: string; createdAt: Date; contactName: string | null; answer: PartnerAnswerRow | null };

/** A link's contacts and its confirmation requests with their answers, newest first: the agreement page's Contacts section (staff). */
export async function getAgreementContacts(agreementId: string): Promise<{ contacts: ContactRow[]; requests: ConfirmationRequestRow[] }> {
  if (!isUuid(agreementId)) return { contacts: [], requests: [] };
  const [contacts, requests] = await Promise.all([
    db.contact.findMany({
      where: { agreementId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, organisation: true, role: true, email: true, phone: true, preferredLanguage: true, notes: true },
    }),
    db.confirmationRequest.findMany({
      where: { agreementId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        createdAt: true,
        contact: { select: { name: true } },
        answer: { select: { id: true, answer: true, reference: true, contactName: true, contactOrganisation: true, createdAt: true, acceptedDecisionId: true } },
      },
    }),
  ]);
  return {
    contacts,
    requests: requests.map(({ id, createdAt, contact, answer }) => ({
      id,
      createdAt,
      contactName: contact?.name ?? null,
      answer: answer ? { id: answer.id, answer: answer.answer, reference: answer.reference, contactName: answer.contactName, contactOrganisation: answer.contactOrganisation, createdAt: answer.createdAt, accepted: answer.acceptedDecisionId !== null } : null,
    })),
  };
}

/** What /confirm/<token> shows: the terms and the form, or why the link no longer opens. Uses nothing up. */
export type ConfirmationPage =
  | { kind: "open"; councilName: string; terms: ConfirmationTerms; expiresAt: Date; language: string }
  | { kind: "unusable"; reason: UnusableLink; councilName: string };

export async function getConfirmationPage(token: string, now = new Date()): Promise<ConfirmationPage> {
  const [state, settings] = await Promise.all([confirmationLinkState(token, now), getSettings()]);
  return { ...state, councilName: settings.councilName };
}

export type PartnerAnswerItem = { answerId: string; agreementId: string; partnerName: string; answer: PartnerAnswerKind; createdAt: Date };

/**
 * The dashboard's "Answers from partners": each link's latest answer that still asks for staff —
 * a confirmation not yet accepted, or a decline — while no newer request has been sent.
 */
export async function getPartnerAnswersPanel(limit = 20): Promise<{ items: PartnerAnswerItem[]; total: number }> {
  const rows = await db.$queryRaw<{ answerId: string; agreementId: string; partnerName: string; answer: PartnerAnswerKind; createdAt: Date; total: number }[]>`
    SELECT pa."id" AS "answerId", a."id" AS "agreementId", p."name" AS "partnerName", pa."answer", pa."createdAt", (COUNT(*) OVER ())::int AS "total"
    FROM "PartnerAnswer" pa
    JOIN "ConfirmationRequest" r ON r."id" = pa."requestId"
    JOIN "Agreement" a ON a."id" = pa."agreementId"
    JOIN "Partner" p ON p."id" = a."partnerId"
    WHERE pa."acceptedDecisionId" IS NULL
      AND a."status" NOT IN ('TERMINATED', 'WITHDRAWN')
      AND NOT EXISTS (SELECT 1 FROM "ConfirmationRequest" later WHERE later."agreementId" = r."agreementId" AND later."createdAt" > r."createdAt")
    ORDER BY pa."createdAt" DESC
    LIMIT ${limit}`;
  return { items: rows.map(({ total: _total, ...item }) => item), total: rows[0]?.total ?? 0 };
}

/** Who an email names, for /admin/people: a user (their own page erases them), the contacts of links with it, or nobody. */
export type PersonByEmail = { kind: "user"; userId: string; name: string } | { kind: "contact"; name: string; contacts: { agreementId: string; partnerName: string; organisation: string }[] } | { kind: "nobody" };

export async function findPersonByEmail(email: string): Promise<PersonByEmail> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (user) return { kind: "user", userId: user.id, name: user.name };
  const contacts = await db.contact.findMany({
    where: { email },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: { name: true, organisation: true, agreementId: true, agreement: { select: { partner: { select: { name: true } } } } },
  });
  if (contacts.length === 0) return { kind: "nobody" };
  return { kind: "contact", name: contacts[0]!.name, contacts: contacts.map((row) => ({ agreementId: row.agreementId, partnerName: row.agreement.partner.name, organisation: row.organisation })) };
}
