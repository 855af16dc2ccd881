// Wikidata item IDs: the public, stable identifiers of places (Q84 London, Q365 Cologne) that the
// twinning-link open data uses for both ends of a link (Wikidata's P190, "twinned administrative body").

/** A Wikidata item ID: Q and a number without leading zeros. */
export const WIKIDATA_ID_PATTERN = /^Q[1-9][0-9]*$/;

/** The item's page on Wikidata, its public reference. */
export function wikidataUri(id: string): string {
  return `https://www.wikidata.org/entity/${id}`;
}
