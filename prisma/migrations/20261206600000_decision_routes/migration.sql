-- How a council takes a decision on a proposal (issue 24 item 2): councillors' votes in the app,
-- a meeting's resolution, an executive member, or an officer under delegated powers.
CREATE TYPE "DecisionRoute" AS ENUM ('COUNCILLOR_VOTES', 'MEETING_RESOLUTION', 'EXECUTIVE_MEMBER', 'OFFICER_DELEGATION');

-- AlterTable
ALTER TABLE "CouncilSettings" ADD COLUMN     "defaultDecisionRoute" "DecisionRoute" NOT NULL DEFAULT 'COUNCILLOR_VOTES';

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "decisionRoute" "DecisionRoute" NOT NULL DEFAULT 'COUNCILLOR_VOTES',
ADD COLUMN     "delegation" TEXT,
ADD COLUMN     "executiveMemberId" UUID,
ADD COLUMN     "meetingDate" DATE,
ADD COLUMN     "meetingName" TEXT,
ADD COLUMN     "meetingUrl" TEXT,
ADD COLUMN     "minuteReference" TEXT;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_executiveMemberId_fkey" FOREIGN KEY ("executiveMemberId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
