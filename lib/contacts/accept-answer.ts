// "Accept confirmation": staff make the partner's confirmation (given through the emailed link) the
// link's partner decision, in one transaction: a PARTNER_CONFIRMED decision by the officer (the
// partner's reference as its reference), its PartnerConfirmation row, the agreement's partner
// decision date (the day the partner answered) and reference, the answer marked accepted, and an
// audit row. Only then does the public partner page say "Confirmed by both councils".
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { AppError } from "@/lib/domain/errors";
import { acceptable } from "@/lib/domain/partner-answer";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { CONTACT_REFUSALS, type AcceptAnswerInput } from "@/lib/domain/validation/contacts";
import { loadAgreementState, updateAgreementIfCurrent } from "@/lib/agreements/guards";
import type { Confirmation } from "@/lib/web/confirmations";

const { answerMissing: ANSWER_MISSING, answerNotAcceptable: NOT_ACCEPTABLE } = CONTACT_REFUSALS;

export async function acceptPartnerAnswer(input: AcceptAnswerInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "agreement:edit");
  return db.$transaction(async (tx) => {
    const agreement = await loadAgreementState(tx, input.agreementId);
    // Locked: two officers accepting at once record it once.
    await tx.$queryRaw`SELECT 1 FROM "PartnerAnswer" WHERE "id" = ${input.answerId}::uuid FOR UPDATE`;
    const answer = await tx.partnerAnswer.findFirst({ where: { id: input.answerId, agreementId: agreement.id }, select: { id: true, answer: true, reference: true, acceptedDecisionId: true, createdAt: true } });
    if (!answer) throw new AppError("NOT_FOUND", ANSWER_MISSING);
    if (!acceptable(answer, agreement.status)) throw new AppError("INVALID_TRANSITION", NOT_ACCEPTABLE);
    const partnerDecisionDate = new Date(Date.UTC(answer.createdAt.getUTCFullYear(), answer.createdAt.getUTCMonth(), answer.createdAt.getUTCDate()));
    const after = { partnerDecisionDate, partnerDecisionReference: answer.reference };
    const decision = await appendDecision(tx, { agreementId: agreement.id, kind: "PARTNER_CONFIRMED", actorId: actor.id, reference: answer.reference });
    await tx.partnerConfirmation.create({ data: { agreementId: agreement.id, decisionId: decision.id, ...after } });
    await updateAgreementIfCurrent(tx, { id: agreement.id, version: agreement.version }, after);
    await tx.partnerAnswer.update({ where: { id: answer.id }, data: { acceptedDecisionId: decision.id } });
    await writeAudit(tx, { actor, action: "agreement.partner-answer-accepted", entityType: "Agreement", entityId: agreement.id, details: { answerId: answer.id, partnerDecisionDate: partnerDecisionDate.toISOString().slice(0, 10), partnerDecisionReference: answer.reference } });
    return { confirmation: "partner.confirmation-accepted" as const };
  }, DECISION_TRANSACTION);
}
