-- Decision chain v3 (docs/decisions/009-decision-chain.md, issue 22 item 4): the hash of a new
-- decision commits to a salted SHA-256 digest of each free-text field (reason, publicReason,
-- reference, changes) instead of the text, so the text can be erased later and the chain still
-- verifies. The digests are part of the append-only row; the salts sit beside it, one row per
-- field that holds text, and go when the field is erased (who, when and why are kept there).
-- Rows written before (v1, v2) are not rewritten: they verify as before.
ALTER TABLE "Decision" ADD COLUMN "fieldDigests" JSONB;

CREATE TABLE "DecisionField" (
    "decisionId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "salt" CHAR(64),
    "erasedAt" TIMESTAMPTZ(3),
    "erasedById" UUID,
    "erasureReason" TEXT,

    CONSTRAINT "DecisionField_pkey" PRIMARY KEY ("decisionId","field"),
    -- A field keeps its salt while its text is kept; erased, it has neither, only who, when and why.
    CONSTRAINT "DecisionField_salt_or_erased" CHECK (("salt" IS NULL) = ("erasedAt" IS NOT NULL))
);

ALTER TABLE "DecisionField" ADD CONSTRAINT "DecisionField_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DecisionField" ADD CONSTRAINT "DecisionField_erasedById_fkey" FOREIGN KEY ("erasedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The record stays append-only with two exceptions, both checked by the chain anyway:
-- * erasure: a v3 row's free-text fields may be set to NULL, nothing else may change;
-- * the one-time re-commit of v1/v2 rows as v3 (lib/decisions/erase-field.ts), which sets
--   "twinning.decision_recommit" for its own transaction and may rewrite the chain columns only.
CREATE OR REPLACE FUNCTION "decision_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."id" = OLD."id" AND NEW."agreementId" = OLD."agreementId"
     AND NEW."proposalId" IS NOT DISTINCT FROM OLD."proposalId" AND NEW."kind" = OLD."kind"
     AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
     AND NEW."fromStatus" IS NOT DISTINCT FROM OLD."fromStatus" AND NEW."toStatus" IS NOT DISTINCT FROM OLD."toStatus"
     AND NEW."voteKey" IS NOT DISTINCT FROM OLD."voteKey" AND NEW."createdAt" = OLD."createdAt"
     AND NEW."sequence" = OLD."sequence"
     AND (NEW."reason" IS NOT DISTINCT FROM OLD."reason" OR NEW."reason" IS NULL)
     AND (NEW."publicReason" IS NOT DISTINCT FROM OLD."publicReason" OR NEW."publicReason" IS NULL)
     AND (NEW."reference" IS NOT DISTINCT FROM OLD."reference" OR NEW."reference" IS NULL)
     AND (NEW."changes" IS NOT DISTINCT FROM OLD."changes" OR NEW."changes" IS NULL)
  THEN
    IF OLD."fieldDigests" IS NOT NULL AND NEW."fieldDigests" = OLD."fieldDigests"
       AND NEW."previousHash" = OLD."previousHash" AND NEW."hash" = OLD."hash" THEN
      RETURN NEW;
    END IF;
    IF current_setting('twinning.decision_recommit', true) = 'v3' AND NEW."fieldDigests" IS NOT NULL
       AND NEW."reason" IS NOT DISTINCT FROM OLD."reason" AND NEW."publicReason" IS NOT DISTINCT FROM OLD."publicReason"
       AND NEW."reference" IS NOT DISTINCT FROM OLD."reference" AND NEW."changes" IS NOT DISTINCT FROM OLD."changes" THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'Decision rows are append-only: % is not allowed', TG_OP;
END;
$$;
