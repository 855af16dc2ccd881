-- The address of the feed whose ETag / Last-Modified are kept: conditional requests go to that
-- feed, never to the discovery file that named it (docs/decisions/025-partner-feeds.md).
ALTER TABLE "PartnerFeedCheck" ADD COLUMN "validatorsUrl" TEXT;
