-- Annual reports as published at /annual-report/<year> (issue 24 item 5): the year's public facts,
-- frozen at publication with who published them and when (docs/decisions/024-published-annual-reports.md).
CREATE TABLE "PublishedReport" (
    "year" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" UUID NOT NULL,

    CONSTRAINT "PublishedReport_pkey" PRIMARY KEY ("year")
);

ALTER TABLE "PublishedReport" ADD CONSTRAINT "PublishedReport_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The published reports are public pages served from the public page cache, which the change
-- signal refreshes (decision 016): publishing or withdrawing one signals the topic "links".
CREATE TRIGGER "PublishedReport_change_signal_insert" AFTER INSERT ON "PublishedReport" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"('links');
CREATE TRIGGER "PublishedReport_change_signal_update" AFTER UPDATE ON "PublishedReport" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"('links');
CREATE TRIGGER "PublishedReport_change_signal_delete" AFTER DELETE ON "PublishedReport" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"('links');
CREATE TRIGGER "PublishedReport_change_signal_truncate" AFTER TRUNCATE ON "PublishedReport" FOR EACH STATEMENT EXECUTE FUNCTION "change_signal_notify"('links');
