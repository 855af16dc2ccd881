-- Reviews of a link (issue 21 item 2): "Record a review" on an Active or Suspended agreement. The
-- review is a decision in the chain (kind REVIEWED, its notes as the reason); its outcome and the
-- next review date are kept beside it, and the next review date becomes the agreement's.
ALTER TYPE "DecisionKind" ADD VALUE 'REVIEWED';

CREATE TYPE "ReviewOutcome" AS ENUM ('CONTINUE', 'CONTINUE_WITH_CHANGES', 'RECOMMEND_ENDING');

CREATE TABLE "AgreementReview" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "outcome" "ReviewOutcome" NOT NULL,
    "nextReviewDate" DATE NOT NULL,
    "reviewedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementReview_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AgreementReview_decisionId_key" ON "AgreementReview"("decisionId");
CREATE INDEX "AgreementReview_agreementId_createdAt_idx" ON "AgreementReview"("agreementId", "createdAt");

ALTER TABLE "AgreementReview" ADD CONSTRAINT "AgreementReview_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AgreementReview" ADD CONSTRAINT "AgreementReview_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AgreementReview" ADD CONSTRAINT "AgreementReview_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
