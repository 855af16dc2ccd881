-- A document shown to the public appears on its partner page and, while not marked accessible, in
-- the accessibility statement: both are served from the public page cache, which a change signal
-- refreshes (decision 016). Documents signal the topic "links", as the partner page's other data does.
CREATE TRIGGER "Document_change_signal_insert" AFTER INSERT ON "Document" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"('links');
CREATE TRIGGER "Document_change_signal_update" AFTER UPDATE ON "Document" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"('links');
CREATE TRIGGER "Document_change_signal_delete" AFTER DELETE ON "Document" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"('links');
CREATE TRIGGER "Document_change_signal_truncate" AFTER TRUNCATE ON "Document" FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"('links');
