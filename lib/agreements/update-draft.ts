import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError, STALE_VERSION_MESSAGE, REFUSED } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { UpdateAgreementInput } from "@/lib/domain/validation/agreement";
import type { Confirmation } from "@/lib/web/confirmations";
import { agreementData } from "./agreement-fields";
import { loadAgreementState, updateAgreementIfCurrent } from "./guards";
import { findOrCreatePartner, updatePartner } from "./partners";

/** Saves an edited draft; refused when the draft has moved on or someone else saved first. */
export async function updateDraft(input: UpdateAgreementInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "agreement:edit");
  await db.$transaction(async (tx) => {
    const current = await loadAgreementState(tx, input.id);
    if (current.version !== input.version) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
    if (current.status !== "DRAFT") throw new AppError("INVALID_TRANSITION", REFUSED.onlyDrafts);
    let partner = { id: current.partnerId, name: input.partnerName };
    if (input.partnerId && input.partnerId !== current.partnerId) {
      partner = await findOrCreatePartner(tx, input);
    } else {
      const sharedWithOthers = await tx.agreement.count({ where: { partnerId: current.partnerId, id: { not: input.id } } });
      // A partner other agreements point at is not renamed from one draft; link a new one instead.
      if (sharedWithOthers > 0) partner = await findOrCreatePartner(tx, { ...input, partnerId: undefined });
      else await updatePartner(tx, current.partnerId, input);
    }
    await updateAgreementIfCurrent(tx, { id: input.id, version: input.version, status: "DRAFT" }, { ...agreementData(input, partner.name), partnerId: partner.id });
    await writeAudit(tx, { actor, action: "agreement.edit", entityType: "Agreement", entityId: input.id });
  });
  return { confirmation: "agreement.saved" };
}
