// The shared vocabulary of link types in the twinning-link open data (docs/open-data.md): the
// English names and the types German, French and Japanese registers use, each with the family it
// belongs to, so a register in one language can read another's. Pure: the feeds and docs read it.
import type { RelationshipType } from "@/generated/prisma/enums";

/** What kind of bond a type is, across languages. */
export const LINK_TYPE_FAMILIES = {
  twinning: "A formal, lasting twinning of two places, usually by a charter both councils adopted.",
  friendship: "A friendship link: lighter than a twinning, often a step towards one.",
  cooperation: "Cooperation on projects (development, technical, economic) between the two authorities.",
  memorandum: "A memorandum of understanding: a written intention to cooperate, for a set time or purpose.",
  sponsorship: "A sponsorship: one place takes on responsibility for another place, community or institution.",
} as const;
export type LinkTypeFamily = keyof typeof LINK_TYPE_FAMILIES;

export type LinkTypeTerm = { code: string; term: string; language: string; romanised?: string; family: LinkTypeFamily; description: string };

/** Every type of the vocabulary, by code (the code is what the feeds carry: stable, ASCII). */
export const LINK_TYPE_VOCABULARY = [
  { code: "twin-town", term: "twin town", language: "en", family: "twinning", description: "The British and European name for a formal twinning." },
  { code: "sister-city", term: "sister city", language: "en", family: "twinning", description: "The American, Asian and Pacific name for a formal twinning." },
  { code: "friendship", term: "friendship link", language: "en", family: "friendship", description: "A friendship city or friendship link." },
  { code: "partnership", term: "partnership", language: "en", family: "cooperation", description: "A partnership for cooperation between the two councils." },
  { code: "memorandum-of-understanding", term: "memorandum of understanding", language: "en", family: "memorandum", description: "A memorandum of understanding." },
  { code: "staedtepartnerschaft", term: "Städtepartnerschaft", language: "de", family: "twinning", description: "German: a formal town twinning." },
  { code: "staedtefreundschaft", term: "Städtefreundschaft", language: "de", family: "friendship", description: "German: a friendship between towns, less formal than a Städtepartnerschaft." },
  { code: "patenschaft", term: "Patenschaft", language: "de", family: "sponsorship", description: "German: a sponsorship (godparenthood) of a place or community." },
  { code: "jumelage", term: "jumelage", language: "fr", family: "twinning", description: "French: a formal twinning by a charter (charte de jumelage)." },
  { code: "pacte-amitie", term: "pacte d'amitié", language: "fr", family: "friendship", description: "French: a friendship pact." },
  { code: "cooperation-decentralisee", term: "coopération décentralisée", language: "fr", family: "cooperation", description: "French: decentralised cooperation, a local authority's cooperation agreement abroad." },
  { code: "shimai-toshi", term: "姉妹都市", romanised: "shimai toshi", language: "ja", family: "twinning", description: "Japanese: sister city, a formal twinning." },
  { code: "yuko-toshi", term: "友好都市", romanised: "yūkō toshi", language: "ja", family: "friendship", description: "Japanese: friendship city." },
] as const satisfies readonly LinkTypeTerm[];

export type LinkTypeCode = (typeof LINK_TYPE_VOCABULARY)[number]["code"];

export const LINK_TYPE_CODES = LINK_TYPE_VOCABULARY.map((type) => type.code) as [LinkTypeCode, ...LinkTypeCode[]];

/** Our relationship types on the vocabulary. */
export const LINK_TYPE_OF: Readonly<Record<RelationshipType, LinkTypeCode>> = {
  TWIN_TOWN: "twin-town",
  SISTER_CITY: "sister-city",
  FRIENDSHIP_CITY: "friendship",
  PARTNERSHIP: "partnership",
  MEMORANDUM_OF_UNDERSTANDING: "memorandum-of-understanding",
};

export function linkTypeFamily(code: LinkTypeCode): LinkTypeFamily {
  return LINK_TYPE_VOCABULARY.find((type) => type.code === code)!.family;
}
