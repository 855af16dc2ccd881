-- The change signal names its schema (lib/cache/listener.ts): NOTIFY reaches every listener of the
-- database, and two apps (or two test files) in two schemas of one database must not make each
-- other's caches read again. The payload is "<schema>.<topic>"; a listener keeps its own schema's.
CREATE OR REPLACE FUNCTION "change_signal_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Two IFs: one expression would be planned whole, transition table and all, for a TRUNCATE too.
  IF TG_OP <> 'TRUNCATE' THEN
    IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
      RETURN NULL;
    END IF;
  END IF;
  PERFORM nextval('"change_signal"');
  PERFORM pg_notify('twinning_change', TG_TABLE_SCHEMA || '.' || TG_ARGV[0]);
  RETURN NULL;
END $$;
