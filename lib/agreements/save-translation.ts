import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { TranslationInput } from "@/lib/domain/validation/agreement";

export const NO_PUBLIC_REASON_MESSAGE = "This agreement's status has no public reason to translate: leave Public reason blank";

/**
 * The decision whose public reason the public partner page shows (a paused or ended link's), or
 * null: an active link or a draft shows none.
 */
export async function publicReasonDecision(tx: Tx, agreementId: string): Promise<{ agreement: { id: string }; decisionId: string | null }> {
  const agreement = await tx.agreement.findUnique({
    where: { id: agreementId },
    select: { id: true, status: true, statusDecision: { select: { id: true, publicReason: true } } },
  });
  if (!agreement) throw new AppError("NOT_FOUND", REFUSED.agreementMissing);
  const shown = agreement.status !== "ACTIVE" && agreement.statusDecision?.publicReason ? agreement.statusDecision.id : null;
  return { agreement: { id: agreement.id }, decisionId: shown };
}

/**
 * Saves one language's translation of an agreement's public text: its public summary, and the
 * public reason of the decision behind its current status (beside that decision: the decision row
 * and its hash never change). A blank field removes that field's translation.
 */
export async function saveTranslation(input: TranslationInput, actor: Actor, context: { ip?: string | null } = {}): Promise<{ confirmation: "agreement.translated" }> {
  requirePermission(actor, "agreement:edit");
  await db.$transaction(async (tx) => {
    const { agreement, decisionId } = await publicReasonDecision(tx, input.agreementId);
    if (input.publicReason && !decisionId) throw new AppError("VALIDATION", NO_PUBLIC_REASON_MESSAGE, { publicReason: [NO_PUBLIC_REASON_MESSAGE] });
    const key = { agreementId_locale: { agreementId: agreement.id, locale: input.locale } };
    if (input.publicSummary) {
      await tx.agreementTranslation.upsert({ where: key, create: { agreementId: agreement.id, locale: input.locale, publicSummary: input.publicSummary }, update: { publicSummary: input.publicSummary } });
    } else {
      await tx.agreementTranslation.deleteMany({ where: { agreementId: agreement.id, locale: input.locale } });
    }
    if (decisionId) {
      const reasonKey = { decisionId_locale: { decisionId, locale: input.locale } };
      if (input.publicReason) {
        await tx.decisionTranslation.upsert({ where: reasonKey, create: { decisionId, locale: input.locale, publicReason: input.publicReason }, update: { publicReason: input.publicReason } });
      } else {
        await tx.decisionTranslation.deleteMany({ where: { decisionId, locale: input.locale } });
      }
    }
    await writeAudit(tx, {
      actor,
      action: "agreement.translate",
      entityType: "Agreement",
      entityId: agreement.id,
      ip: context.ip,
      details: {
        locale: input.locale,
        publicSummary: input.publicSummary ? "saved" : "removed",
        ...(decisionId ? { decisionId, publicReason: input.publicReason ? "saved" : "removed" } : {}),
      },
    });
  });
  return { confirmation: "agreement.translated" };
}
