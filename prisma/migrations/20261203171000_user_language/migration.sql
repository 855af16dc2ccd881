-- A user's own language (issue 19): chosen on /account; signing in lands on pages in it and their
-- emails are written in it. Staff pages are offered in English and Welsh only.
CREATE TYPE "Language" AS ENUM ('en', 'cy');

ALTER TABLE "User" ADD COLUMN "language" "Language" NOT NULL DEFAULT 'en';
