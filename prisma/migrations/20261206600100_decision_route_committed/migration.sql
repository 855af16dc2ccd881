-- How a decision was taken, committed to the decision chain (issue 24 item 2; decision 009's "adding
-- a committed field"): a proposing or closing decision carries its route and the route's details
-- (the executive member's id, the delegation, the meeting, its date, minute and link) as JSON, whose
-- salted digest the v3 hash covers (DIGESTED_FIELDS.route in lib/decisions/chain.ts).
ALTER TABLE "Decision" ADD COLUMN "route" JSONB;

-- The record stays append-only: the new column may only be emptied (an erasure), like the other
-- digested fields, and the one-time re-commit leaves it as it is.
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
     AND (NEW."route" IS NOT DISTINCT FROM OLD."route" OR NEW."route" IS NULL)
  THEN
    IF OLD."fieldDigests" IS NOT NULL AND NEW."fieldDigests" = OLD."fieldDigests"
       AND NEW."previousHash" = OLD."previousHash" AND NEW."hash" = OLD."hash" THEN
      RETURN NEW;
    END IF;
    IF current_setting('twinning.decision_recommit', true) = 'v3' AND NEW."fieldDigests" IS NOT NULL
       AND NEW."reason" IS NOT DISTINCT FROM OLD."reason" AND NEW."publicReason" IS NOT DISTINCT FROM OLD."publicReason"
       AND NEW."reference" IS NOT DISTINCT FROM OLD."reference" AND NEW."changes" IS NOT DISTINCT FROM OLD."changes"
       AND NEW."route" IS NOT DISTINCT FROM OLD."route" THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'Decision rows are append-only: % is not allowed', TG_OP;
END;
$$;
