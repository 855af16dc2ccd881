import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { AppError, STALE_VERSION_MESSAGE } from "@/lib/domain/errors";
import { NOT_REVIEWABLE_MESSAGE, REVIEW_PERMISSION, REVIEWABLE_STATUSES } from "@/lib/domain/lifecycle";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { ReviewInput } from "@/lib/domain/validation/agreement";
import type { Confirmation } from "@/lib/web/confirmations";
import { loadAgreementState, updateAgreementIfCurrent } from "./guards";

/**
 * Records a review of an Active or Suspended link, in one transaction: a REVIEWED decision in the
 * chain (the notes as its reason), the review's outcome and next review date beside it, the
 * agreement's review date moved on to the next one (so it is no longer due), and an audit row.
 */
export async function recordReview(input: ReviewInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, REVIEW_PERMISSION);
  return db.$transaction(async (tx) => {
    const agreement = await loadAgreementState(tx, input.agreementId);
    if (agreement.version !== input.version) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
    if (!REVIEWABLE_STATUSES.includes(agreement.status)) throw new AppError("INVALID_TRANSITION", NOT_REVIEWABLE_MESSAGE);
    const { reviewDate: previousReviewDate } = await tx.agreement.findUniqueOrThrow({ where: { id: agreement.id }, select: { reviewDate: true } });
    const decision = await appendDecision(tx, { agreementId: agreement.id, kind: "REVIEWED", actorId: actor.id, reason: input.reviewNotes || null });
    await tx.agreementReview.create({
      data: { agreementId: agreement.id, decisionId: decision.id, outcome: input.outcome, nextReviewDate: input.nextReviewDate, reviewedById: actor.id },
    });
    await updateAgreementIfCurrent(tx, { id: agreement.id, version: agreement.version }, { reviewDate: input.nextReviewDate });
    await writeAudit(tx, {
      actor,
      action: "agreement.review",
      entityType: "Agreement",
      entityId: agreement.id,
      details: { outcome: input.outcome, reviewDate: { from: previousReviewDate?.toISOString().slice(0, 10) ?? null, to: input.nextReviewDate.toISOString().slice(0, 10) } },
    });
    return { confirmation: "agreement.reviewed" as const };
  }, DECISION_TRANSACTION);
}
