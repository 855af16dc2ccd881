import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { AppError, STALE_VERSION_MESSAGE } from "@/lib/domain/errors";
import { CONFIRMABLE_STATUSES, CONFIRMATION_PERMISSION, NOT_CONFIRMABLE_MESSAGE } from "@/lib/domain/lifecycle";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { ConfirmationInput } from "@/lib/domain/validation/agreement";
import type { Confirmation } from "@/lib/web/confirmations";
import { loadAgreementState, updateAgreementIfCurrent } from "./guards";

function day(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/**
 * Records the partner's own decision on a link that is not final, in one transaction: a
 * PARTNER_CONFIRMED decision in the chain (the note as its reason), the partner's decision date and
 * reference beside it, the same two set on the agreement (so it is no longer "Not confirmed by
 * partner"; a later record corrects an earlier one), and an audit row with before and after.
 */
export async function recordConfirmation(input: ConfirmationInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, CONFIRMATION_PERMISSION);
  return db.$transaction(async (tx) => {
    const agreement = await loadAgreementState(tx, input.agreementId);
    if (agreement.version !== input.version) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
    if (!CONFIRMABLE_STATUSES.includes(agreement.status)) throw new AppError("INVALID_TRANSITION", NOT_CONFIRMABLE_MESSAGE);
    const before = await tx.agreement.findUniqueOrThrow({ where: { id: agreement.id }, select: { partnerDecisionDate: true, partnerDecisionReference: true } });
    const after = { partnerDecisionDate: input.partnerDecisionDate ?? null, partnerDecisionReference: input.partnerDecisionReference ?? null };
    const decision = await appendDecision(tx, { agreementId: agreement.id, kind: "PARTNER_CONFIRMED", actorId: actor.id, reason: input.confirmationNote || null });
    await tx.partnerConfirmation.create({ data: { agreementId: agreement.id, decisionId: decision.id, ...after } });
    await updateAgreementIfCurrent(tx, { id: agreement.id, version: agreement.version }, after);
    await writeAudit(tx, {
      actor,
      action: "agreement.partnerConfirmation",
      entityType: "Agreement",
      entityId: agreement.id,
      details: {
        partnerDecisionDate: { from: day(before.partnerDecisionDate), to: day(after.partnerDecisionDate) },
        partnerDecisionReference: { from: before.partnerDecisionReference, to: after.partnerDecisionReference },
      },
    });
    return { confirmation: "agreement.partnerConfirmed" as const };
  }, DECISION_TRANSACTION);
}
