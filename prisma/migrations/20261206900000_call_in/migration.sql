-- Call-in of executive decisions (issue 24 item 4, docs/decisions/023-call-in.md).

-- Council settings: the call-in period in working days (0: none, decisions take effect at once, as
-- before), the decision routes it applies to, and how many scrutiny members must call a decision in.
ALTER TABLE "CouncilSettings" ADD COLUMN "callInDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "callInRoutes" "DecisionRoute"[] NOT NULL DEFAULT ARRAY['EXECUTIVE_MEMBER', 'OFFICER_DELEGATION']::"DecisionRoute"[],
ADD COLUMN "callInsNeeded" INTEGER NOT NULL DEFAULT 1;

-- Councillors an admin marks as members of the scrutiny committee.
ALTER TABLE "User" ADD COLUMN "scrutinyMember" BOOLEAN NOT NULL DEFAULT false;

-- Where an approved proposal stands in its call-in period.
CREATE TYPE "CallInState" AS ENUM ('AWAITING', 'CALLED_IN', 'REFERRED_BACK', 'REFERRED_TO_COUNCIL', 'IN_EFFECT', 'NOT_IN_EFFECT');

ALTER TABLE "Proposal" ADD COLUMN "callIn" "CallInState",
ADD COLUMN "takesEffectOn" DATE,
ADD COLUMN "urgencyReason" TEXT;

CREATE INDEX "Proposal_callIn_takesEffectOn_idx" ON "Proposal"("callIn", "takesEffectOn");

-- The decisions of a call-in, each in the chain (their kinds are hashed as their names).
ALTER TYPE "DecisionKind" ADD VALUE 'CALLED_IN';
ALTER TYPE "DecisionKind" ADD VALUE 'CALL_IN_NO_FURTHER_ACTION';
ALTER TYPE "DecisionKind" ADD VALUE 'CALL_IN_REFERRED_BACK';
ALTER TYPE "DecisionKind" ADD VALUE 'CALL_IN_REFERRED_TO_COUNCIL';
ALTER TYPE "DecisionKind" ADD VALUE 'DECISION_CONFIRMED';
ALTER TYPE "DecisionKind" ADD VALUE 'DECISION_WITHDRAWN';
ALTER TYPE "DecisionKind" ADD VALUE 'TOOK_EFFECT';

-- Bank holidays: working days leave them out. Admins maintain the list; it ships with the
-- published England-and-Wales dates (gov.uk/bank-holidays) for 2026 to 2028.
CREATE TABLE "BankHoliday" (
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankHoliday_pkey" PRIMARY KEY ("date")
);

INSERT INTO "BankHoliday" ("date", "name") VALUES
('2026-01-01', 'New Year’s Day'),
('2026-04-03', 'Good Friday'),
('2026-04-06', 'Easter Monday'),
('2026-05-04', 'Early May bank holiday'),
('2026-05-25', 'Spring bank holiday'),
('2026-08-31', 'Summer bank holiday'),
('2026-12-25', 'Christmas Day'),
('2026-12-28', 'Boxing Day (substitute day)'),
('2027-01-01', 'New Year’s Day'),
('2027-03-26', 'Good Friday'),
('2027-03-29', 'Easter Monday'),
('2027-05-03', 'Early May bank holiday'),
('2027-05-31', 'Spring bank holiday'),
('2027-08-30', 'Summer bank holiday'),
('2027-12-27', 'Christmas Day (substitute day)'),
('2027-12-28', 'Boxing Day (substitute day)'),
('2028-01-03', 'New Year’s Day (substitute day)'),
('2028-04-14', 'Good Friday'),
('2028-04-17', 'Easter Monday'),
('2028-05-01', 'Early May bank holiday'),
('2028-05-29', 'Spring bank holiday'),
('2028-08-28', 'Summer bank holiday'),
('2028-12-25', 'Christmas Day'),
('2028-12-26', 'Boxing Day');
