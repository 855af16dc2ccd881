-- The partner's confirmation of a link (issue 21 item 3): "Record partner confirmation" on any
-- agreement that is not final. It is a decision in the chain (kind PARTNER_CONFIRMED, its note as
-- the reason); the partner's decision date and reference are kept beside it and become the
-- agreement's partnerDecisionDate and partnerDecisionReference.
ALTER TYPE "DecisionKind" ADD VALUE 'PARTNER_CONFIRMED';

CREATE TABLE "PartnerConfirmation" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "partnerDecisionDate" DATE,
    "partnerDecisionReference" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerConfirmation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PartnerConfirmation_date_or_reference" CHECK ("partnerDecisionDate" IS NOT NULL OR "partnerDecisionReference" IS NOT NULL)
);

CREATE UNIQUE INDEX "PartnerConfirmation_decisionId_key" ON "PartnerConfirmation"("decisionId");
CREATE INDEX "PartnerConfirmation_agreementId_createdAt_idx" ON "PartnerConfirmation"("agreementId", "createdAt");

ALTER TABLE "PartnerConfirmation" ADD CONSTRAINT "PartnerConfirmation_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartnerConfirmation" ADD CONSTRAINT "PartnerConfirmation_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
