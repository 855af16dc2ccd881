// "Record confirmation withdrawn": the partner council has withdrawn its confirmation of the link.
// One transaction: a PARTNER_CONFIRMATION_WITHDRAWN decision with the reason, the agreement's
// partner decision date and reference cleared (so it is no longer "Confirmed by both councils"),
// and an audit row with what they were.
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { AppError } from "@/lib/domain/errors";
import { isPartnerConfirmed } from "@/lib/domain/lifecycle";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { CONTACT_REFUSALS, type WithdrawConfirmationInput } from "@/lib/domain/validation/contacts";
import { loadAgreementState, updateAgreementIfCurrent } from "@/lib/agreements/guards";
import type { Confirmation } from "@/lib/web/confirmations";

const NOT_CONFIRMED = CONTACT_REFUSALS.notPartnerConfirmed;

export async function withdrawPartnerConfirmation(input: WithdrawConfirmationInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "agreement:edit");
  return db.$transaction(async (tx) => {
    const agreement = await loadAgreementState(tx, input.agreementId);
    const before = await tx.agreement.findUniqueOrThrow({ where: { id: agreement.id }, select: { partnerDecisionDate: true, partnerDecisionReference: true } });
    if (!isPartnerConfirmed(before)) throw new AppError("INVALID_TRANSITION", NOT_CONFIRMED);
    await appendDecision(tx, { agreementId: agreement.id, kind: "PARTNER_CONFIRMATION_WITHDRAWN", actorId: actor.id, reason: input.reason });
    await updateAgreementIfCurrent(tx, { id: agreement.id, version: agreement.version }, { partnerDecisionDate: null, partnerDecisionReference: null });
    await writeAudit(tx, {
      actor,
      action: "agreement.partner-confirmation-withdrawn",
      entityType: "Agreement",
      entityId: agreement.id,
      details: { partnerDecisionDate: { from: before.partnerDecisionDate?.toISOString().slice(0, 10) ?? null, to: null }, partnerDecisionReference: { from: before.partnerDecisionReference, to: null } },
    });
    return { confirmation: "partner.confirmation-withdrawn" as const };
  }, DECISION_TRANSACTION);
}
