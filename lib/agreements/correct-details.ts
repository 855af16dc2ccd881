import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError, STALE_VERSION_MESSAGE } from "@/lib/domain/errors";
import { CORRECTABLE_STATUSES, CORRECTION_PERMISSION, LEAD_OFFICER_PERMISSION, NOT_CORRECTABLE_MESSAGE } from "@/lib/domain/lifecycle";
import { requirePermission, rolesWith, type Actor } from "@/lib/domain/permissions";
import { AGREEMENT_DETAILS, fieldChanges, hasChanges, PARTNER_DETAILS } from "@/lib/domain/term-changes";
import { CORRECTION_CHANGES_NOTHING, LEAD_OFFICER_NOT_STAFF, type CorrectionInput } from "@/lib/domain/validation/agreement";
import type { Confirmation } from "@/lib/web/confirmations";
import { loadAgreementState, updateAgreementIfCurrent } from "./guards";

/**
 * Corrects the details of an Active or Suspended link that are not its terms — the partner's
 * website, coordinates, population, region and Wikidata ID, the lead officer, the internal notes — at once, no
 * vote (the feed address among them: the jobs read a changed one afresh), in one transaction with an audit row holding each changed field's before and after. The
 * agreement's version guards it like a draft's edit; the partner's details are the partner's, so
 * every link with that partner shows them.
 */
export async function correctDetails(input: CorrectionInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, CORRECTION_PERMISSION);
  return db.$transaction(async (tx) => {
    const agreement = await loadAgreementState(tx, input.agreementId);
    if (agreement.version !== input.version) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
    if (!CORRECTABLE_STATUSES.includes(agreement.status)) throw new AppError("INVALID_TRANSITION", NOT_CORRECTABLE_MESSAGE);
    if (input.leadOfficerId) {
      const lead = await tx.user.findFirst({ where: { id: input.leadOfficerId, active: true, role: { in: rolesWith(LEAD_OFFICER_PERMISSION) } }, select: { id: true } });
      if (!lead) throw new AppError("VALIDATION", LEAD_OFFICER_NOT_STAFF, { leadOfficerId: [LEAD_OFFICER_NOT_STAFF] });
    }
    const before = await tx.agreement.findUniqueOrThrow({
      where: { id: agreement.id },
      select: { leadOfficerId: true, internalNotes: true, partner: { select: { website: true, latitude: true, longitude: true, population: true, region: true, wikidataId: true, feedUrl: true } } },
    });
    const partner = { website: input.website ?? null, latitude: input.latitude ?? null, longitude: input.longitude ?? null, population: input.population ?? null, region: input.region ?? null, wikidataId: input.wikidataId ?? null, feedUrl: input.feedUrl ?? null };
    const details = { leadOfficerId: input.leadOfficerId ?? null, internalNotes: input.internalNotes };
    const changes = { ...fieldChanges(before.partner, partner, PARTNER_DETAILS), ...fieldChanges(before, details, AGREEMENT_DETAILS) };
    if (!hasChanges(changes)) throw new AppError("VALIDATION", CORRECTION_CHANGES_NOTHING);

    await tx.partner.update({ where: { id: agreement.partnerId }, data: partner });
    await updateAgreementIfCurrent(tx, { id: agreement.id, version: agreement.version }, details);
    await writeAudit(tx, { actor, action: "agreement.correct", entityType: "Agreement", entityId: agreement.id, details: { partnerId: agreement.partnerId, changes } });
    return { confirmation: "agreement.corrected" as const };
  });
}
