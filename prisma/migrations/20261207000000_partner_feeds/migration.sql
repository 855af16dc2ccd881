-- Partners' feeds (issue 25 item 2, docs/decisions/025-partner-feeds.md): a partner's feed address,
-- and the latest reading of what that feed publishes about us.
ALTER TABLE "Partner" ADD COLUMN "feedUrl" TEXT;

CREATE TYPE "PartnerFeedOutcome" AS ENUM ('LISTED_ACTIVE', 'LISTED_OTHER', 'NOT_LISTED', 'UNREADABLE');

CREATE TABLE "PartnerFeedCheck" (
    "partnerId" UUID NOT NULL,
    "feedUrl" TEXT NOT NULL,
    "outcome" "PartnerFeedOutcome",
    "listedStatus" TEXT,
    "problem" TEXT,
    "problemDetail" TEXT,
    "matchedBy" TEXT,
    "matchedName" TEXT,
    "matchedCountry" TEXT,
    "matchConfirmedAt" TIMESTAMPTZ(3),
    "since" TIMESTAMPTZ(3),
    "checkedAt" TIMESTAMPTZ(3),
    "etag" TEXT,
    "lastModified" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextCheckAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerFeedCheck_pkey" PRIMARY KEY ("partnerId")
);

CREATE INDEX "PartnerFeedCheck_nextCheckAt_idx" ON "PartnerFeedCheck"("nextCheckAt");

ALTER TABLE "PartnerFeedCheck" ADD CONSTRAINT "PartnerFeedCheck_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
