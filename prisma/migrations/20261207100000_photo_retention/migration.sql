-- Photos on a link (documents of type photo: often children on exchanges) under the retention
-- schedule: deleted, bytes and all, this many months after the link ended (lib/jobs/retention.ts,
-- docs/data-protection.md). A photo that is a background paper of a decided proposal is kept.
ALTER TABLE "CouncilSettings" ADD COLUMN "photosMonths" INTEGER NOT NULL DEFAULT 12;
