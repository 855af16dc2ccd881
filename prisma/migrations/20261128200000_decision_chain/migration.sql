-- The decision chain (docs/decisions/009-decision-chain.md): every Decision carries its place in
-- the chain, the previous decision's hash and the SHA-256 of its own content. New rows are chained
-- by lib/decisions/chain.ts; this migration chains the rows that already exist.

-- AlterTable: nullable until the existing rows are chained below.
ALTER TABLE "Decision" ADD COLUMN "hash" CHAR(64),
ADD COLUMN "previousHash" CHAR(64),
ADD COLUMN "sequence" INTEGER;

-- The same serialization as canonicalDecision() in lib/decisions/chain.ts (a JSON array, no spaces,
-- in this field order), hashed as UTF-8. Kept after the backfill so a DBA can check a row in SQL;
-- tests/integration/decision-chain.test.ts checks that the two agree.
CREATE FUNCTION "decision_chain_hash"(
  p_sequence INTEGER, p_id UUID, p_agreement_id UUID, p_proposal_id UUID, p_kind "DecisionKind",
  p_actor_id UUID, p_from_status "AgreementStatus", p_to_status "AgreementStatus", p_reason TEXT,
  p_public_reason TEXT, p_reference TEXT, p_vote_key TEXT, p_created_at TIMESTAMPTZ, p_previous_hash TEXT
) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to('[' || concat_ws(',',
    '"v1"',
    coalesce(to_json(p_sequence)::text, 'null'),
    coalesce(to_json(p_id::text)::text, 'null'),
    coalesce(to_json(p_agreement_id::text)::text, 'null'),
    coalesce(to_json(p_proposal_id::text)::text, 'null'),
    coalesce(to_json(p_kind::text)::text, 'null'),
    coalesce(to_json(p_actor_id::text)::text, 'null'),
    coalesce(to_json(p_from_status::text)::text, 'null'),
    coalesce(to_json(p_to_status::text)::text, 'null'),
    coalesce(to_json(p_reason)::text, 'null'),
    coalesce(to_json(p_public_reason)::text, 'null'),
    coalesce(to_json(p_reference)::text, 'null'),
    coalesce(to_json(p_vote_key)::text, 'null'),
    coalesce(to_json(to_char(p_created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null'),
    coalesce(to_json(p_previous_hash)::text, 'null')
  ) || ']', 'UTF8')), 'hex')
$$;

-- Chain the existing rows in the order they were written (a vote before the status change it caused:
-- the enum order of "kind" breaks ties within one transaction). The append-only trigger is paused
-- for this one backfill, inside the migration's transaction.
ALTER TABLE "Decision" DISABLE TRIGGER "Decision_append_only";
DO $$
DECLARE
  previous TEXT := repeat('0', 64);
  n INTEGER := 0;
  current_hash TEXT;
  r RECORD;
BEGIN
  FOR r IN SELECT * FROM "Decision" ORDER BY "createdAt", "kind", "id" LOOP
    n := n + 1;
    current_hash := "decision_chain_hash"(n, r."id", r."agreementId", r."proposalId", r."kind", r."actorId", r."fromStatus",
      r."toStatus", r."reason", r."publicReason", r."reference", r."voteKey", r."createdAt", previous);
    UPDATE "Decision" SET "sequence" = n, "previousHash" = previous, "hash" = current_hash WHERE "id" = r."id";
    previous := current_hash;
  END LOOP;
END
$$;
ALTER TABLE "Decision" ENABLE TRIGGER "Decision_append_only";

ALTER TABLE "Decision" ALTER COLUMN "hash" SET NOT NULL,
ALTER COLUMN "previousHash" SET NOT NULL,
ALTER COLUMN "sequence" SET NOT NULL;

-- CreateIndex: one decision per place, and one successor per decision (the chain cannot fork).
CREATE UNIQUE INDEX "Decision_sequence_key" ON "Decision"("sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_previousHash_key" ON "Decision"("previousHash");
