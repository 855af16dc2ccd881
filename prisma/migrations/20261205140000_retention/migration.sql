-- The retention schedule's periods (issue 22 item 2): applied daily by lib/jobs/retention.ts.
-- AlterTable
ALTER TABLE "CouncilSettings" ADD COLUMN     "auditAddressMonths" INTEGER NOT NULL DEFAULT 13,
ADD COLUMN     "failedSignInDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "participantsMonths" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "sentEmailDays" INTEGER NOT NULL DEFAULT 90;
