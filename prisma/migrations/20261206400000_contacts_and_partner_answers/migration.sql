-- Contacts and the partner's own answer (issue 23 items 1 and 3).
--
-- Contacts: the people of a link (personal data: docs/data-protection.md). Deleted by the retention
-- job the council's "contactsMonths" after the link ended; exported and erased by email with a
-- person's data (lib/admin/personal-data.ts).
CREATE TABLE "Contact" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "organisation" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "phone" TEXT NOT NULL DEFAULT '',
    "preferredLanguage" TEXT NOT NULL DEFAULT 'en',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Contact_preferredLanguage_check" CHECK ("preferredLanguage" IN ('en', 'cy', 'de', 'fr'))
);

CREATE INDEX "Contact_agreementId_idx" ON "Contact"("agreementId");
CREATE INDEX "Contact_email_idx" ON "Contact"("email");

ALTER TABLE "Contact" ADD CONSTRAINT "Contact_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- "Request confirmation from partner": one request per email sent, bound to the terms it showed
-- (their SHA-256: an amendment after sending makes the link outdated). Its single-use link is a
-- SingleUseLink of purpose "partner-confirmation" whose subject is the request. The contact may be
-- deleted later (retention, erasure): the request stays, without it.
CREATE TABLE "ConfirmationRequest" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "contactId" UUID,
    "termsDigest" CHAR(64) NOT NULL,
    "language" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConfirmationRequest_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ConfirmationRequest_agreementId_createdAt_idx" ON "ConfirmationRequest"("agreementId", "createdAt");
CREATE INDEX "ConfirmationRequest_contactId_idx" ON "ConfirmationRequest"("contactId");

ALTER TABLE "ConfirmationRequest" ADD CONSTRAINT "ConfirmationRequest_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConfirmationRequest" ADD CONSTRAINT "ConfirmationRequest_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The partner's answer through the link: a decision by the partner (actor kind "partner": the
-- decision has no user; this row names who answered, copied from the contact so that deleting the
-- contact later leaves the record whole). Public only once staff accept it (acceptedDecisionId: the
-- PARTNER_CONFIRMED decision that made it the agreement's partner decision).
CREATE TYPE "PartnerAnswerKind" AS ENUM ('CONFIRMED', 'DECLINED');

ALTER TYPE "DecisionKind" ADD VALUE 'PARTNER_ANSWER_CONFIRMED';
ALTER TYPE "DecisionKind" ADD VALUE 'PARTNER_ANSWER_DECLINED';
ALTER TYPE "DecisionKind" ADD VALUE 'PARTNER_CONFIRMATION_WITHDRAWN';

CREATE TABLE "PartnerAnswer" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "answer" "PartnerAnswerKind" NOT NULL,
    "reference" TEXT,
    "contactName" TEXT NOT NULL,
    "contactOrganisation" TEXT NOT NULL,
    "acceptedDecisionId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerAnswer_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PartnerAnswer_requestId_key" ON "PartnerAnswer"("requestId");
CREATE UNIQUE INDEX "PartnerAnswer_decisionId_key" ON "PartnerAnswer"("decisionId");
CREATE UNIQUE INDEX "PartnerAnswer_acceptedDecisionId_key" ON "PartnerAnswer"("acceptedDecisionId");
CREATE INDEX "PartnerAnswer_agreementId_createdAt_idx" ON "PartnerAnswer"("agreementId", "createdAt");

ALTER TABLE "PartnerAnswer" ADD CONSTRAINT "PartnerAnswer_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartnerAnswer" ADD CONSTRAINT "PartnerAnswer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ConfirmationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartnerAnswer" ADD CONSTRAINT "PartnerAnswer_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartnerAnswer" ADD CONSTRAINT "PartnerAnswer_acceptedDecisionId_fkey" FOREIGN KEY ("acceptedDecisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The email that carries the link.
ALTER TYPE "NotificationKind" ADD VALUE 'PARTNER_CONFIRMATION_REQUEST';

-- The retention period of contacts, in months after the link ended.
ALTER TABLE "CouncilSettings" ADD COLUMN "contactsMonths" INTEGER NOT NULL DEFAULT 12;
