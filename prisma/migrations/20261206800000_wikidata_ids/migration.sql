-- Wikidata item IDs (Q-numbers) of a partner and of the council itself: the stable identifiers of
-- both places in the twinning-link open data (docs/open-data.md). Optional; the form checks the shape.
ALTER TABLE "Partner" ADD COLUMN "wikidataId" TEXT;
ALTER TABLE "CouncilSettings" ADD COLUMN "wikidataId" TEXT;
-- The council's own country (ISO 3166-1 alpha-2), the other end of every link in the feeds.
ALTER TABLE "CouncilSettings" ADD COLUMN "councilCountry" CHAR(2);
