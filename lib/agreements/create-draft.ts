import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { CreateAgreementInput } from "@/lib/domain/validation/agreement";
import type { Confirmation } from "@/lib/web/confirmations";
import { agreementData } from "./agreement-fields";
import { findOrCreatePartner } from "./partners";

/** Drafts a new agreement, with a new partner or an existing one. */
export async function createDraft(input: CreateAgreementInput, actor: Actor): Promise<{ id: string; confirmation: Confirmation }> {
  requirePermission(actor, "agreement:draft");
  return db.$transaction(async (tx) => {
    const partner = await findOrCreatePartner(tx, input);
    const agreement = await tx.agreement.create({
      data: { ...agreementData(input, partner.name), partnerId: partner.id, createdById: actor.id, leadOfficerId: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: "agreement.draft",
      entityType: "Agreement",
      entityId: agreement.id,
      details: { partnerId: partner.id, newPartner: partner.created },
    });
    return { id: agreement.id, confirmation: "agreement.saved" };
  });
}
