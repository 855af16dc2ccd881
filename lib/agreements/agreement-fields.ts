import { RELATIONSHIP_TYPE_LABELS } from "@/lib/domain/labels";
import type { CreateAgreementInput } from "@/lib/domain/validation/agreement";

/** The agreement's own columns from the form (the partner's are written apart). */
export function agreementData(input: CreateAgreementInput, partnerName: string) {
  return {
    relationshipType: input.relationshipType,
    title: input.title ?? `${RELATIONSHIP_TYPE_LABELS[input.relationshipType]}: ${partnerName}`,
    purpose: input.purpose,
    themes: input.themes,
    linkBegan: input.linkBegan ?? null,
    formalisedOn: input.formalisedOn ?? null,
    reviewDate: input.reviewDate ?? null,
    publicSummary: input.publicSummary,
    internalNotes: input.internalNotes,
    partnerDecisionDate: input.partnerDecisionDate ?? null,
    partnerDecisionReference: input.partnerDecisionReference ?? null,
  };
}
