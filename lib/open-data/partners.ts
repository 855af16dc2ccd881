// The current partners as open data: one documented record shape behind the JSON, CSV and
// GeoJSON files, so the three never drift apart.
import type { PublicLink } from "@/lib/domain/public-types";
import { countryName } from "@/lib/domain/countries";
import { RELATIONSHIP_TYPE_LABELS } from "@/lib/domain/labels";
import { relationshipTerm } from "@/lib/domain/relationship-terms";
import { CONTENT_LOCALES } from "@/lib/domain/validation/agreement";
import { toCsv } from "./csv";
import type { Licence } from "./licence";

export type PartnerRecord = {
  id: string;
  agreementId: string;
  slug: string;
  name: string;
  localName: string | null;
  localNameLanguage: string | null;
  url: string;
  countryCode: string | null;
  countryName: string | null;
  region: string | null;
  localityType: string;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  website: string | null;
  relationshipType: string;
  relationshipTypeLabel: string;
  relationshipTypeLocal: string | null;
  themes: string[];
  linkBegan: string | null;
  formalisedOn: string | null;
  status: string;
  statusSince: string | null;
  publicSummary: string;
};

type FieldType = "string" | "number" | "integer" | "array";

export type FieldDoc = { name: keyof PartnerRecord; type: FieldType; nullable: boolean; format?: "date" | "date-time" | "uri"; description: string };

/** The fields, in file order, with what each means. Shown on /open-data and used for the JSON schema. */
export const PARTNER_FIELDS: readonly FieldDoc[] = [
  { name: "id", type: "string", nullable: false, description: "The partner's stable identifier (a UUID). It does not change when the partner is renamed." },
  { name: "agreementId", type: "string", nullable: false, description: "The stable identifier (a UUID) of the council's link with this partner." },
  { name: "slug", type: "string", nullable: false, description: "The short name used in the address of the partner's page." },
  { name: "name", type: "string", nullable: false, description: "The partner's name (in English)." },
  { name: "localName", type: "string", nullable: true, description: "The partner's name in its own language and script, e.g. Köln, Београд, إربد; empty when none is recorded." },
  { name: "localNameLanguage", type: "string", nullable: true, description: "The language of localName as a BCP 47 tag, e.g. de, sr-Cyrl, ar (which also tells its script and direction)." },
  { name: "url", type: "string", nullable: false, format: "uri", description: "The address of the partner's page on this site." },
  { name: "countryCode", type: "string", nullable: true, description: "ISO 3166-1 alpha-2 country code; empty for a fictional or other place." },
  { name: "countryName", type: "string", nullable: true, description: "The country's English short name." },
  { name: "region", type: "string", nullable: true, description: "Region, state or province." },
  { name: "localityType", type: "string", nullable: false, description: "VILLAGE, TOWN, CITY, COUNTY, PROVINCE, REGION or OTHER." },
  { name: "latitude", type: "number", nullable: true, description: "Latitude in decimal degrees (WGS 84)." },
  { name: "longitude", type: "number", nullable: true, description: "Longitude in decimal degrees (WGS 84)." },
  { name: "population", type: "integer", nullable: true, description: "Approximate population." },
  { name: "website", type: "string", nullable: true, description: "The partner's own website." },
  { name: "relationshipType", type: "string", nullable: false, description: "TWIN_TOWN, SISTER_CITY, FRIENDSHIP_CITY, PARTNERSHIP or MEMORANDUM_OF_UNDERSTANDING." },
  { name: "relationshipTypeLabel", type: "string", nullable: false, description: "The relationship type in words, e.g. “Twin town”." },
  { name: "relationshipTypeLocal", type: "string", nullable: true, description: "What the link is called in the language of localName, e.g. Städtepartnerschaft, jumelage, 姉妹都市; empty when that language's term is not known." },
  { name: "themes", type: "array", nullable: false, description: "What the link is about: CULTURE, EDUCATION, TRADE, TOURISM, RECONCILIATION, CLIMATE, SPORT, SHARED_NAME, DIASPORA, TECHNICAL_COOPERATION, HUMANITARIAN, YOUTH. In the CSV file, separated by semicolons." },
  { name: "linkBegan", type: "string", nullable: true, format: "date", description: "The date the link began (ISO 8601, YYYY-MM-DD)." },
  { name: "formalisedOn", type: "string", nullable: true, format: "date", description: "The date the link was formalised, e.g. by a charter (ISO 8601, YYYY-MM-DD)." },
  { name: "status", type: "string", nullable: false, description: "ACTIVE for a current partner." },
  { name: "statusSince", type: "string", nullable: true, format: "date-time", description: "When the council's decision that set this status was taken (ISO 8601 date and time, UTC)." },
  { name: "publicSummary", type: "string", nullable: false, description: "A short public description of the link." },
];

export type Publication = { councilName: string; licence: Licence; origin: string; generatedAt: Date };

export function partnerPagePath(slug: string): string {
  return `/partners/${encodeURIComponent(slug)}`;
}

export function partnerRecord(link: PublicLink, origin: string): PartnerRecord {
  const { partner } = link;
  return {
    id: partner.id,
    agreementId: link.agreementId,
    slug: partner.slug,
    name: partner.name,
    localName: partner.localName,
    localNameLanguage: partner.localNameLanguage,
    url: `${origin}${partnerPagePath(partner.slug)}`,
    countryCode: partner.country,
    countryName: partner.country ? countryName(partner.country) : null,
    region: partner.region,
    localityType: partner.kind,
    latitude: partner.latitude,
    longitude: partner.longitude,
    population: partner.population,
    website: partner.website,
    relationshipType: link.relationshipType,
    relationshipTypeLabel: RELATIONSHIP_TYPE_LABELS[link.relationshipType],
    relationshipTypeLocal: relationshipTerm(link.relationshipType, partner.localNameLanguage),
    themes: [...link.themes],
    linkBegan: link.linkBegan,
    formalisedOn: link.formalisedOn,
    status: link.status,
    statusSince: link.statusChangedAt,
    publicSummary: link.publicSummary,
  };
}

/**
 * A link's public text in other languages, by language: { "cy": { "publicSummary": …, "publicReason": … } }.
 * A language appears once one of its fields is translated; a null field is not yet (the English stands).
 */
export type TranslationsRecord = Partial<Record<(typeof CONTENT_LOCALES)[number], { publicSummary: string | null; publicReason: string | null }>>;

export const TRANSLATIONS_DESCRIPTION =
  "The link's public text in other languages, by language code (cy Welsh, de German, fr French): { \"cy\": { \"publicSummary\": …, \"publicReason\": … } }. A language is present once staff translated one of its fields; a null field is not yet translated, and the English (publicSummary) stands. publicReason is the reason for a paused or ended link's status, null for a current one. Also as rows in partner-translations.csv.";

export function translationsRecord(link: PublicLink): TranslationsRecord {
  const record: TranslationsRecord = {};
  for (const locale of CONTENT_LOCALES) {
    const translation = link.translations[locale];
    if (translation) record[locale] = { publicSummary: translation.publicSummary, publicReason: translation.publicReason };
  }
  return record;
}

/** partners.json: the records with who published them, under which licence, and where the fields are described. */
export function partnersJson(links: readonly PublicLink[], publication: Publication) {
  const partners = links.map((link) => ({ ...partnerRecord(link, publication.origin), translations: translationsRecord(link) }));
  return {
    title: `Partner towns and cities of ${publication.councilName}`,
    publisher: publication.councilName,
    licence: publication.licence,
    documentation: `${publication.origin}/open-data`,
    schema: `${publication.origin}/open-data/partners.schema.json`,
    generatedAt: publication.generatedAt.toISOString(),
    count: partners.length,
    partners,
  };
}

/** partners.csv: a header row of the documented field names, then one row per partner. */
export function partnersCsv(links: readonly PublicLink[], origin: string): string {
  const names = PARTNER_FIELDS.map((field) => field.name);
  const rows = links.map((link) => {
    const record = partnerRecord(link, origin);
    return names.map((name) => {
      const value = record[name];
      return Array.isArray(value) ? value.join(";") : value;
    });
  });
  return toCsv(names, rows);
}

/** The JSON Schema (draft-07) of partners.json, built from the field documentation. */
export function partnersJsonSchema(origin: string) {
  const properties = Object.fromEntries(
    PARTNER_FIELDS.map((field) => {
      const base =
        field.type === "array"
          ? { type: field.nullable ? ["array", "null"] : "array", items: { type: "string" } }
          : { type: field.nullable ? [field.type, "null"] : field.type, ...(field.format ? { format: field.format } : {}) };
      return [field.name, { ...base, description: field.description }];
    }),
  );
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: `${origin}/open-data/partners.schema.json`,
    title: "Partner towns and cities",
    type: "object",
    required: ["title", "publisher", "licence", "generatedAt", "count", "partners"],
    properties: {
      title: { type: "string" },
      publisher: { type: "string" },
      licence: { type: "object", required: ["name", "url"], properties: { name: { type: "string" }, url: { type: ["string", "null"] } } },
      documentation: { type: "string", format: "uri" },
      schema: { type: "string", format: "uri" },
      generatedAt: { type: "string", format: "date-time" },
      count: { type: "integer", minimum: 0 },
      partners: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: [...PARTNER_FIELDS.map((field) => field.name), "translations"],
          properties: {
            ...properties,
            translations: {
              type: "object",
              description: TRANSLATIONS_DESCRIPTION,
              propertyNames: { enum: [...CONTENT_LOCALES] },
              additionalProperties: {
                type: "object",
                additionalProperties: false,
                required: ["publicSummary", "publicReason"],
                properties: { publicSummary: { type: ["string", "null"] }, publicReason: { type: ["string", "null"] } },
              },
            },
            countryCode: { ...properties.countryCode, pattern: "^[A-Z]{2}$" },
            latitude: { ...properties.latitude, minimum: -90, maximum: 90 },
            longitude: { ...properties.longitude, minimum: -180, maximum: 180 },
          },
        },
      },
    },
  };
}

/** The columns of partner-translations.csv, with what each means (shown on /open-data). */
export const TRANSLATION_FIELDS = [
  { name: "agreementId", description: "The link's stable identifier, as agreementId in partners.json and partners.csv." },
  { name: "slug", description: "The partner's slug, as in partners.csv." },
  { name: "language", description: "The language of the text: cy (Welsh), de (German) or fr (French)." },
  { name: "field", description: "Which text it translates: publicSummary, or publicReason (a paused or ended link's reason)." },
  { name: "text", description: "The translated text. A link, language and field with no row is not yet translated: the English stands." },
] as const;

/**
 * partner-translations.csv: every translation of the current links' public text, one row per
 * link, language and field (no column per language: a new language adds rows, not columns).
 */
export function partnerTranslationsCsv(links: readonly PublicLink[]): string {
  const rows: string[][] = [];
  for (const link of links) {
    for (const [language, translation] of Object.entries(translationsRecord(link))) {
      for (const field of ["publicSummary", "publicReason"] as const) {
        const text = translation[field];
        if (text) rows.push([link.agreementId, link.partner.slug, language, field, text]);
      }
    }
  }
  return toCsv(
    TRANSLATION_FIELDS.map((field) => field.name),
    rows,
  );
}
