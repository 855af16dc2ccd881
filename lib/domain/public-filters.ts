// The search and filters of the public listing: read from the query string (a plain GET form),
// applied to the cached links in memory.
import { RelationshipType } from "@/generated/prisma/enums";
import { countryName, NO_COUNTRY } from "@/lib/domain/countries";
import { queryChoice, queryParam, searchText } from "@/lib/domain/validation/fields";
import type { PublicLink } from "./public-types";

export type PublicFilters = { q?: string; country?: string; type?: RelationshipType };

type Params = Record<string, string | string[] | undefined>;

/** The filters in a query string; anything not understood is ignored. */
export function parsePublicFilters(params: Params): PublicFilters {
  const country = queryParam(params.country)?.toUpperCase();
  return {
    q: searchText(params.q),
    country: country && (/^[A-Z]{2}$/.test(country) || country === NO_COUNTRY) ? country : undefined,
    type: queryChoice(params.type, RelationshipType),
  };
}

/** Case- and accent-insensitive: "dusseldorf" finds Düsseldorf. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("en-GB");
}

/** What the search looks in: the partner's name, region and country, folded. */
export function haystackOf({ partner }: PublicLink): string {
  return fold([partner.name, partner.region ?? "", partner.country ? countryName(partner.country) : ""].join(" "));
}

/** `haystack`: haystackOf(link), when the caller has it already (lib/data/public.ts keeps one per link). */
export function matchesFilters(link: PublicLink, filters: PublicFilters, haystack?: string): boolean {
  const { partner } = link;
  if (filters.type && link.relationshipType !== filters.type) return false;
  if (filters.country && (partner.country ?? NO_COUNTRY) !== filters.country) return false;
  if (filters.q) {
    const text = haystack ?? haystackOf(link);
    if (!fold(filters.q).split(/\s+/).every((word) => text.includes(word))) return false;
  }
  return true;
}

export function hasFilters(filters: PublicFilters): boolean {
  return Boolean(filters.q || filters.country || filters.type);
}

/** The query string of a filtered view, so it can be shared or linked. */
export function filtersQuery(filters: PublicFilters): string {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = query.toString();
  return text ? `?${text}` : "";
}
