-- Amendments (issue 21 item 1): "Propose amendment" on an Active or Suspended agreement opens an
-- AMENDMENT proposal carrying the proposed terms, each changed field's before and after; once
-- councillors approve it the terms change and an AMENDED decision records them. Both rows keep the
-- changes as JSON, which the decision chain hashes (serialization v2, docs/decisions/009-decision-chain.md);
-- rows without changes keep serialization v1, so every existing decision still verifies.
ALTER TYPE "DecisionKind" ADD VALUE 'AMENDED';

ALTER TYPE "ProposalKind" ADD VALUE 'AMENDMENT';

ALTER TABLE "Decision" ADD COLUMN "changes" JSONB;

ALTER TABLE "Proposal" ADD COLUMN "changes" JSONB;
