-- Cancelling an event (issue 21 item 6): the event is kept, marked cancelled with when, by whom
-- and why; "sequence" is its iCalendar SEQUENCE, raised by every edit and by cancelling.

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "cancellationPublicReason" TEXT,
ADD COLUMN     "cancellationReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "cancelledById" UUID,
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A cancelled event did not happen: it no longer counts as an agreement's activity (dormancy) nor
-- as its next planned one. As in 20261128210000_performance, but for "cancelledAt" IS NULL; the
-- triggers there (insert, update, delete) call this function, so cancelling (an update) and
-- deleting refresh the agreement at once.
CREATE OR REPLACE FUNCTION "agreement_activity_refresh"(ids uuid[]) RETURNS integer LANGUAGE plpgsql AS $$
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
          WHERE e."agreementId" = a.id AND e."startsAt" <= now() AND e."cancelledAt" IS NULL
        ) AS begun),
      "nextActivityAt" = (
        SELECT min(at) FROM (
          SELECT min(x."startDate")::timestamp AT TIME ZONE 'UTC' AS at FROM "Exchange" x
          WHERE x."agreementId" = a.id AND x."startDate" > today
          UNION ALL
          SELECT min(e."startsAt") FROM "Event" e
          WHERE e."agreementId" = a.id AND e."startsAt" > now() AND e."cancelledAt" IS NULL
        ) AS planned)
  WHERE a.id = ANY(ids);
  GET DIAGNOSTICS updated = ROW_COUNT;
  RETURN updated;
END
$$;
