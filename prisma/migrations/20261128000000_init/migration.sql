-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('STAFF', 'COUNCILLOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "LocalityKind" AS ENUM ('VILLAGE', 'TOWN', 'CITY', 'COUNTY', 'PROVINCE', 'REGION', 'OTHER');

-- CreateEnum
CREATE TYPE "RelationshipType" AS ENUM ('TWIN_TOWN', 'SISTER_CITY', 'FRIENDSHIP_CITY', 'PARTNERSHIP', 'MEMORANDUM_OF_UNDERSTANDING');

-- CreateEnum
CREATE TYPE "Theme" AS ENUM ('CULTURE', 'EDUCATION', 'TRADE', 'TOURISM', 'RECONCILIATION', 'CLIMATE', 'SPORT', 'SHARED_NAME', 'DIASPORA', 'TECHNICAL_COOPERATION', 'HUMANITARIAN');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('ACTIVATION', 'SUSPENSION', 'REINSTATEMENT', 'TERMINATION');

-- CreateEnum
CREATE TYPE "ProposalState" AS ENUM ('OPEN', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('SUBMITTED', 'PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'STATUS_CHANGED', 'IMPORTED');

-- CreateEnum
CREATE TYPE "ExchangeKind" AS ENUM ('DELEGATION_VISIT', 'SCHOOL_OR_YOUTH_EXCHANGE', 'CULTURAL', 'SPORT', 'TRADE_MISSION', 'TECHNICAL_COOPERATION', 'HUMANITARIAN_AID', 'VIRTUAL_MEETING', 'OTHER');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('INBOUND', 'OUTBOUND', 'JOINT');

-- CreateEnum
CREATE TYPE "FundingSource" AS ENUM ('COUNCIL_BUDGET', 'EU_PROGRAMME', 'PARTNER', 'SPONSOR', 'OTHER');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'INTERNAL');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('CHARTER_SIGNING', 'ANNIVERSARY', 'FESTIVAL', 'CIVIC_VISIT', 'EXHIBITION', 'OTHER');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "passwordHash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2),
    "region" TEXT,
    "kind" "LocalityKind" NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "population" INTEGER,
    "website" TEXT,
    "identityKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "relationshipType" "RelationshipType" NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "themes" "Theme"[],
    "linkBegan" DATE,
    "formalisedOn" DATE,
    "reviewDate" DATE,
    "leadOfficerId" UUID,
    "publicSummary" TEXT NOT NULL DEFAULT '',
    "internalNotes" TEXT NOT NULL DEFAULT '',
    "partnerDecisionDate" DATE,
    "partnerDecisionReference" TEXT,
    "status" "AgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "statusDecisionId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "state" "ProposalState" NOT NULL DEFAULT 'OPEN',
    "proposerId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "publicReason" TEXT,
    "reference" TEXT,
    "alternativesConsidered" TEXT,
    "conflictsOfInterest" TEXT,
    "backgroundPapers" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "proposalId" UUID,
    "kind" "DecisionKind" NOT NULL,
    "actorId" UUID,
    "fromStatus" "AgreementStatus",
    "toStatus" "AgreementStatus",
    "reason" TEXT,
    "publicReason" TEXT,
    "reference" TEXT,
    "voteKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Exchange" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "kind" "ExchangeKind" NOT NULL,
    "direction" "Direction" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "participantCount" INTEGER,
    "participantsDescription" TEXT NOT NULL DEFAULT '',
    "cost" DECIMAL(12,2),
    "currency" CHAR(3),
    "fundingSource" "FundingSource",
    "outcomes" TEXT NOT NULL DEFAULT '',
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Exchange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "agreementId" UUID,
    "title" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "place" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "ip" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "councilName" TEXT NOT NULL DEFAULT 'Twinning Office',
    "approvalsNeeded" INTEGER NOT NULL DEFAULT 1,
    "dormancyMonths" INTEGER NOT NULL DEFAULT 24,
    "openDataLicence" TEXT NOT NULL DEFAULT 'Open Government Licence v3.0',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CouncilSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_slug_key" ON "Partner"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_identityKey_key" ON "Partner"("identityKey");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_statusDecisionId_key" ON "Agreement"("statusDecisionId");

-- CreateIndex
CREATE INDEX "Agreement_status_idx" ON "Agreement"("status");

-- CreateIndex
CREATE INDEX "Agreement_partnerId_idx" ON "Agreement"("partnerId");

-- CreateIndex
CREATE INDEX "Agreement_reviewDate_idx" ON "Agreement"("reviewDate");

-- CreateIndex
CREATE INDEX "Proposal_agreementId_idx" ON "Proposal"("agreementId");

-- CreateIndex
CREATE INDEX "Proposal_state_idx" ON "Proposal"("state");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_voteKey_key" ON "Decision"("voteKey");

-- CreateIndex
CREATE INDEX "Decision_agreementId_createdAt_idx" ON "Decision"("agreementId", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_proposalId_idx" ON "Decision"("proposalId");

-- CreateIndex
CREATE INDEX "Decision_createdAt_idx" ON "Decision"("createdAt");

-- CreateIndex
CREATE INDEX "Exchange_agreementId_startDate_idx" ON "Exchange"("agreementId", "startDate");

-- CreateIndex
CREATE INDEX "Exchange_startDate_idx" ON "Exchange"("startDate");

-- CreateIndex
CREATE INDEX "Event_agreementId_startsAt_idx" ON "Event"("agreementId", "startsAt");

-- CreateIndex
CREATE INDEX "Event_startsAt_idx" ON "Event"("startsAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_leadOfficerId_fkey" FOREIGN KEY ("leadOfficerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_statusDecisionId_fkey" FOREIGN KEY ("statusDecisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exchange" ADD CONSTRAINT "Exchange_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exchange" ADD CONSTRAINT "Exchange_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Rules the database keeps itself (Prisma's schema language cannot say them).
ALTER TABLE "CouncilSettings" ADD CONSTRAINT "CouncilSettings_single_row" CHECK ("id" = 1);
ALTER TABLE "CouncilSettings" ADD CONSTRAINT "CouncilSettings_approvalsNeeded_range" CHECK ("approvalsNeeded" BETWEEN 1 AND 9);
ALTER TABLE "CouncilSettings" ADD CONSTRAINT "CouncilSettings_dormancyMonths_range" CHECK ("dormancyMonths" BETWEEN 1 AND 240);
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_decided_status_has_decision"
  CHECK ("status" NOT IN ('SUSPENDED', 'TERMINATED') OR "statusDecisionId" IS NOT NULL);
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_formalised_after_began"
  CHECK ("formalisedOn" IS NULL OR "linkBegan" IS NULL OR "formalisedOn" >= "linkBegan");
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_country_iso" CHECK ("country" IS NULL OR "country" ~ '^[A-Z]{2}$');
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_latitude_range" CHECK ("latitude" IS NULL OR "latitude" BETWEEN -90 AND 90);
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_longitude_range" CHECK ("longitude" IS NULL OR "longitude" BETWEEN -180 AND 180);
ALTER TABLE "Exchange" ADD CONSTRAINT "Exchange_dates_ordered" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "Exchange" ADD CONSTRAINT "Exchange_participants_nonnegative" CHECK ("participantCount" IS NULL OR "participantCount" >= 0);
ALTER TABLE "Exchange" ADD CONSTRAINT "Exchange_cost_nonnegative" CHECK ("cost" IS NULL OR "cost" >= 0);
ALTER TABLE "Event" ADD CONSTRAINT "Event_times_ordered" CHECK ("endsAt" IS NULL OR "endsAt" >= "startsAt");

-- The decision record is append-only.
CREATE FUNCTION "decision_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Decision rows are append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER "Decision_append_only" BEFORE UPDATE OR DELETE ON "Decision"
  FOR EACH ROW EXECUTE FUNCTION "decision_is_append_only"();
