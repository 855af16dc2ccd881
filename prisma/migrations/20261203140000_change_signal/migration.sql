-- One signal of change for every cache of every server process (lib/cache/README.md, decision 016).
--
-- A statement that changes a table the caches read notifies the channel "twinning_change" with
-- the topic it touched; each server process LISTENs on one connection of its own and forgets
-- what that topic made stale. Statement-level: a bulk insert of thousands of rows notifies once,
-- a statement that changed no row not at all, and PostgreSQL sends a transaction's identical
-- notifications once, when (and only if) it commits.
--
-- Where LISTEN is unavailable (a transaction-mode pooler) and after a lost listening connection,
-- a process reads "change_signal"'s last_value instead: one row, never locked by writers (a
-- sequence is not transactional, unlike a counter row that every write would update and lock).
CREATE SEQUENCE "change_signal" AS bigint;

-- TG_ARGV[0]: the topic. "changed_rows": the statement's transition table (none for TRUNCATE).
CREATE FUNCTION "change_signal_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Two IFs: one expression would be planned whole, transition table and all, for a TRUNCATE too.
  IF TG_OP <> 'TRUNCATE' THEN
    IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
      RETURN NULL;
    END IF;
  END IF;
  PERFORM nextval('"change_signal"');
  PERFORM pg_notify('twinning_change', TG_ARGV[0]);
  RETURN NULL;
END $$;

-- Topics: links (agreements and partners: the public listing, partner pages, open data, the
-- register's figures), activity (exchanges and events), decisions (the decisions feed, the
-- dashboard, the chain's check), settings (every page's header, the licence, the dormancy window).
-- A trigger with a transition table serves one event, so each table has one per event.
DO $$
DECLARE
  watched record;
BEGIN
  FOR watched IN SELECT * FROM (VALUES
    ('Agreement', 'links'), ('Partner', 'links'),
    ('Exchange', 'activity'), ('Event', 'activity'),
    ('Decision', 'decisions'),
    ('CouncilSettings', 'settings')
  ) AS watched_tables ("name", "topic") LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"(%L)', watched.name || '_change_signal_insert', watched.name, watched.topic);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"(%L)', watched.name || '_change_signal_update', watched.name, watched.topic);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"(%L)', watched.name || '_change_signal_delete', watched.name, watched.topic);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"(%L)', watched.name || '_change_signal_truncate', watched.name, watched.topic);
  END LOOP;
END $$;
