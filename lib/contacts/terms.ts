// The terms a partner is asked to confirm, as the confirmation page and its email show them, and
// their digest: a request is bound to the digest of the terms it was sent for, so an amendment (or
// a change of status) after sending makes its link outdated.
import { createHash } from "node:crypto";
import type { AgreementStatus, RelationshipType, Theme } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { AppError, REFUSED } from "@/lib/domain/errors";

export type ConfirmationTerms = {
  agreementId: string;
  partnerName: string;
  status: AgreementStatus;
  relationshipType: RelationshipType;
  title: string;
  purpose: string;
  themes: Theme[];
  publicSummary: string;
  formalisedOn: Date | null;
  linkBegan: Date | null;
};

export async function readConfirmationTerms(tx: Pick<Tx, "agreement">, agreementId: string): Promise<ConfirmationTerms> {
  const agreement = await tx.agreement.findUnique({
    where: { id: agreementId },
    select: { id: true, status: true, relationshipType: true, title: true, purpose: true, themes: true, publicSummary: true, formalisedOn: true, linkBegan: true, partner: { select: { name: true } } },
  });
  if (!agreement) throw new AppError("NOT_FOUND", REFUSED.agreementMissing);
  const { id, partner, ...terms } = agreement;
  return { agreementId: id, partnerName: partner.name, ...terms };
}

/** SHA-256 (hex) of the terms in a fixed order: the same terms always give the same digest. */
export function termsDigest(terms: ConfirmationTerms): string {
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
  const canonical = JSON.stringify([
    "terms-v1",
    terms.agreementId,
    terms.partnerName,
    terms.status,
    terms.relationshipType,
    terms.title,
    terms.purpose,
    [...terms.themes].sort(),
    terms.publicSummary,
    day(terms.formalisedOn),
    day(terms.linkBegan),
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
