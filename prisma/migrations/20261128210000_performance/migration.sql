-- Performance at scale (issue #8): dormancy as an index lookup, and indexes for the lists.

-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "lastActivityOn" DATE,
ADD COLUMN     "nextActivityAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Agreement_status_lastActivityOn_idx" ON "Agreement"("status", "lastActivityOn");

-- CreateIndex
CREATE INDEX "Agreement_nextActivityAt_idx" ON "Agreement"("nextActivityAt");

-- CreateIndex
CREATE INDEX "Agreement_status_partnerId_idx" ON "Agreement"("status", "partnerId");

-- CreateIndex
CREATE INDEX "Partner_country_name_idx" ON "Partner"("country", "name");

-- CreateIndex
CREATE INDEX "Partner_name_idx" ON "Partner"("name");

-- An agreement's activity, recomputed from its exchanges and events as of now():
--   "lastActivityOn": the latest end day (else start day) of those that have begun, in UTC;
--   "nextActivityAt": when the next planned one begins (an exchange at UTC midnight of its day).
-- Dormancy (lib/domain/dormancy.ts) is then "lastActivityOn" before the window's start. Every
-- writer of Exchange or Event goes through the triggers below (the app, imports, seeds, restore);
-- lib/data/activity.ts refreshes the agreements whose "nextActivityAt" has come before it reads.
-- Returns how many agreements it updated.
CREATE FUNCTION "agreement_activity_refresh"(ids uuid[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  today date := (now() AT TIME ZONE 'UTC')::date;
  updated integer;
BEGIN
  UPDATE "Agreement" AS a
  SET "lastActivityOn" = (
        SELECT max(day) FROM (
          SELECT max(COALESCE(x."endDate", x."startDate")) AS day FROM "Exchange" x
          WHERE x."agreementId" = a.id AND x."startDate" <= today
          UNION ALL
          SELECT max((COALESCE(e."endsAt", e."startsAt") AT TIME ZONE 'UTC')::date) FROM "Event" e
          WHERE e."agreementId" = a.id AND e."startsAt" <= now()
        ) AS begun),
      "nextActivityAt" = (
        SELECT min(at) FROM (
          SELECT min(x."startDate")::timestamp AT TIME ZONE 'UTC' AS at FROM "Exchange" x
          WHERE x."agreementId" = a.id AND x."startDate" > today
          UNION ALL
          SELECT min(e."startsAt") FROM "Event" e
          WHERE e."agreementId" = a.id AND e."startsAt" > now()
        ) AS planned)
  WHERE a.id = ANY(ids);
  GET DIAGNOSTICS updated = ROW_COUNT;
  RETURN updated;
END
$$;

-- Statement-level triggers with transition tables: a bulk insert of thousands of exchanges
-- refreshes each agreement once. An update may move an exchange or event to another agreement:
-- both are refreshed.
CREATE FUNCTION "agreement_activity_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "agreement_activity_refresh"(ARRAY(SELECT DISTINCT "agreementId" FROM new_rows WHERE "agreementId" IS NOT NULL));
  RETURN NULL;
END
$$;

CREATE FUNCTION "agreement_activity_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "agreement_activity_refresh"(ARRAY(
    SELECT "agreementId" FROM new_rows WHERE "agreementId" IS NOT NULL
    UNION SELECT "agreementId" FROM old_rows WHERE "agreementId" IS NOT NULL));
  RETURN NULL;
END
$$;

CREATE FUNCTION "agreement_activity_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "agreement_activity_refresh"(ARRAY(SELECT DISTINCT "agreementId" FROM old_rows WHERE "agreementId" IS NOT NULL));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Exchange_activity_insert" AFTER INSERT ON "Exchange"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_activity_after_insert"();
CREATE TRIGGER "Exchange_activity_update" AFTER UPDATE ON "Exchange"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_activity_after_update"();
CREATE TRIGGER "Exchange_activity_delete" AFTER DELETE ON "Exchange"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_activity_after_delete"();
CREATE TRIGGER "Event_activity_insert" AFTER INSERT ON "Event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_activity_after_insert"();
CREATE TRIGGER "Event_activity_update" AFTER UPDATE ON "Event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_activity_after_update"();
CREATE TRIGGER "Event_activity_delete" AFTER DELETE ON "Event"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "agreement_activity_after_delete"();

-- The agreements already there.
SELECT "agreement_activity_refresh"(ARRAY(SELECT id FROM "Agreement"));
