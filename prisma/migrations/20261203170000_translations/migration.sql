-- Issue 19 items 3 and 4: a partner's name in its own language, and the public text of an
-- agreement in the other languages of the public pages.

-- The partner's own-language name and its BCP 47 tag: both or neither.
ALTER TABLE "Partner" ADD COLUMN "localName" TEXT,
  ADD COLUMN "localNameLanguage" TEXT;
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_localName_language_check"
  CHECK (("localName" IS NULL) = ("localNameLanguage" IS NULL));

-- An agreement's public summary per language (English is Agreement.publicSummary).
CREATE TABLE "AgreementTranslation" (
    "agreementId" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "publicSummary" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AgreementTranslation_pkey" PRIMARY KEY ("agreementId","locale"),
    CONSTRAINT "AgreementTranslation_locale_check" CHECK ("locale" IN ('cy', 'de', 'fr'))
);
ALTER TABLE "AgreementTranslation" ADD CONSTRAINT "AgreementTranslation_agreementId_fkey"
  FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A decision's public reason per language: beside the append-only, hash-chained Decision row,
-- which it never changes.
CREATE TABLE "DecisionTranslation" (
    "decisionId" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "publicReason" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DecisionTranslation_pkey" PRIMARY KEY ("decisionId","locale"),
    CONSTRAINT "DecisionTranslation_locale_check" CHECK ("locale" IN ('cy', 'de', 'fr'))
);
ALTER TABLE "DecisionTranslation" ADD CONSTRAINT "DecisionTranslation_decisionId_fkey"
  FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The public pages and open data show translations: a change of one is a change of "links"
-- (the change signal, migrations 20261203140000 and 20261203160000).
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['AgreementTranslation', 'DecisionTranslation'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"(%L)', watched || '_change_signal_insert', watched, 'links');
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"(%L)', watched || '_change_signal_update', watched, 'links');
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"(%L)', watched || '_change_signal_delete', watched, 'links');
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"(%L)', watched || '_change_signal_truncate', watched, 'links');
  END LOOP;
END $$;
