import "server-only";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/domain/validation/fields";

// One link's whole record, public and internal, as one document for a freedom-of-information
// answer (/agreements/<id>/history.json, officers only): the link and its partner, every proposal
// and decision in the chain (internal and public reasons, votes), translations, exchanges, events,
// reviews, partner confirmations, documents (their details, not their bytes) and the audit rows
// about the link and its proposals. The officer redacts personal data before sending it: the
// partner's contacts are left out, people are named as the record names them.

const person = { select: { name: true } } as const;

export async function getAgreementHistory(id: string, now = new Date()) {
  if (!isUuid(id)) return null;
  const agreement = await db.agreement.findUnique({
    where: { id },
    include: {
      partner: true,
      leadOfficer: person,
      translations: { orderBy: { locale: "asc" } },
      proposals: { include: { proposer: person }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      exchanges: { omit: { createdById: true }, orderBy: [{ startDate: "asc" }, { id: "asc" }] },
      events: { omit: { createdById: true }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] },
      documents: { omit: { sha256: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!agreement) return null;
  const proposalIds = agreement.proposals.map((proposal) => proposal.id);
  const [decisions, reviews, confirmations, audit] = await Promise.all([
    db.decision.findMany({ where: { agreementId: id }, omit: { fieldDigests: true }, include: { actor: person }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.agreementReview.findMany({ where: { agreementId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.partnerConfirmation.findMany({ where: { agreementId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.auditLog.findMany({
      where: { OR: [{ entityType: "Agreement", entityId: id }, ...(proposalIds.length > 0 ? [{ entityType: "Proposal", entityId: { in: proposalIds } }] : [])] },
      select: { createdAt: true, action: true, entityType: true, entityId: true, details: true, actor: person },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return { generatedAt: now.toISOString(), agreement, decisions, reviews, partnerConfirmations: confirmations, audit };
}

/** The history as JSON text: dates as ISO 8601, exact decimals as strings, big integers as text. */
export function historyJson(history: NonNullable<Awaited<ReturnType<typeof getAgreementHistory>>>): string {
  return JSON.stringify(history, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value), 2);
}
