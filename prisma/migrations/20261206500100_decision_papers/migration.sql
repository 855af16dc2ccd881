-- The hashes of a decided proposal's background papers, on the decision that closes it, committed
-- to the decision chain (docs/decisions/009-decision-chain.md, "Adding a committed field").
ALTER TABLE "Decision" ADD COLUMN "papers" JSONB;

-- The column is hashed (DIGESTED_FIELDS.papers) and holds hashes, never a person's text, so it is
-- never erased: no update may change it. Its own trigger, beside decision_is_append_only (which
-- later migrations replace and which names the other columns), so it cannot be left out.
CREATE FUNCTION "decision_papers_are_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."papers" IS DISTINCT FROM OLD."papers" THEN
    RAISE EXCEPTION 'Decision rows are append-only: a decision''s background papers cannot change';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "decision_papers_are_fixed" BEFORE UPDATE ON "Decision" FOR EACH ROW EXECUTE FUNCTION "decision_papers_are_fixed"();
