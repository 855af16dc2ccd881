-- Issue 24: what an exchange was for (published in /open-data/twinning-costs.csv with its cost),
-- the council's contact address (footer, statements) and the two public statements admins may
-- write in place of the generated ones (null: the generated text is shown).
ALTER TABLE "Exchange" ADD COLUMN     "purpose" TEXT NOT NULL DEFAULT '';

ALTER TABLE "CouncilSettings" ADD COLUMN     "contactAddress" TEXT,
ADD COLUMN     "accessibilityStatement" TEXT,
ADD COLUMN     "privacyNotice" TEXT;
