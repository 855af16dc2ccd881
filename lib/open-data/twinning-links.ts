// The twinning-link standard (issue 25, docs/open-data.md): every public link of the council in
// one documented, versioned shape (JSON with its JSON Schema, and CSV) that any council can
// publish and any register can read, with stable identifiers for both places (Wikidata IDs where
// known) and the link type on a shared vocabulary. Field documentation, schema and CSV header are
// all built from TWINNING_LINK_FIELDS, so they cannot drift apart.
import { z } from "zod";
import { FORBIDDEN_CHARACTERS } from "@/lib/domain/validation/fields";
import type { PublicLink } from "@/lib/domain/public-types";
import { RELATIONSHIP_TYPE_LABELS } from "@/lib/domain/labels";
import { relationshipTerm } from "@/lib/domain/relationship-terms";
import { LINK_TYPE_CODES, LINK_TYPE_FAMILIES, LINK_TYPE_OF, LINK_TYPE_VOCABULARY, linkTypeFamily, type LinkTypeCode, type LinkTypeFamily } from "@/lib/domain/twinning-link-types";
import { toCsv } from "./csv";
import type { Licence } from "./licence";
import { partnerPagePath } from "./partners";

/** The version of the standard: a minor version adds optional fields; a major one changes or removes. */
export const TWINNING_LINKS_VERSION = "1.0";
export const TWINNING_LINKS_PATHS = {
  json: "/open-data/twinning-links.json",
  csv: "/open-data/twinning-links.csv",
  schema: "/open-data/twinning-links.schema.json",
  wellKnown: "/.well-known/twinning.json",
  documentation: "/open-data",
} as const;

/** Public statuses as the standard writes them. */
export const LINK_STATUSES = { ACTIVE: "active", SUSPENDED: "suspended", TERMINATED: "ended" } as const satisfies Record<PublicLink["status"], string>;
export type LinkStatus = (typeof LINK_STATUSES)[keyof typeof LINK_STATUSES];

/** Whether the partner council's own decision on the link is on record ("Confirmed by both councils"). */
export const CONFIRMATION_STATES = ["confirmed-by-both", "not-recorded"] as const;
export type ConfirmationState = (typeof CONFIRMATION_STATES)[number];

/** The council: the first end of every link. */
export type Council = { name: string; countryCode: string | null; wikidataId: string | null };

export type TwinningLinkRecord = {
  id: string;
  councilName: string;
  councilCountryCode: string | null;
  councilWikidataId: string | null;
  partnerId: string;
  partnerName: string;
  partnerLocalName: string | null;
  partnerLocalNameLanguage: string | null;
  partnerCountryCode: string | null;
  partnerWikidataId: string | null;
  partnerUrl: string;
  linkType: LinkTypeCode;
  linkTypeFamily: LinkTypeFamily;
  linkTypeLabel: string;
  linkTypeLocal: string | null;
  status: LinkStatus;
  statusSince: string | null;
  linkBegan: string | null;
  formalisedOn: string | null;
  publicSummary: string;
  publicReason: string | null;
  confirmation: ConfirmationState;
  partnerDecisionDate: string | null;
};

type Field = {
  name: keyof TwinningLinkRecord;
  type: "string";
  nullable: boolean;
  format?: "date" | "date-time" | "uri" | "uuid";
  pattern?: string;
  enum?: readonly string[];
  description: string;
};

const WIKIDATA_PATTERN = "^Q[1-9][0-9]*$";
const COUNTRY_PATTERN = "^[A-Z]{2}$";

/** Every field of a link, in file order, with what it means: the schema, the CSV header and docs/open-data.md. */
export const TWINNING_LINK_FIELDS: readonly Field[] = [
  { name: "id", type: "string", nullable: false, format: "uuid", description: "The link's stable identifier (a UUID), unique to this publisher; it never changes, whatever else does. With the publisher's site it identifies the link anywhere." },
  { name: "councilName", type: "string", nullable: false, description: "The publishing council's name (the first place of the link)." },
  { name: "councilCountryCode", type: "string", nullable: true, pattern: COUNTRY_PATTERN, description: "The publishing council's country, ISO 3166-1 alpha-2 (e.g. GB); null when the council has not set it." },
  { name: "councilWikidataId", type: "string", nullable: true, pattern: WIKIDATA_PATTERN, description: "The Wikidata item ID of the publishing council's place (e.g. Q84); null when not set." },
  { name: "partnerId", type: "string", nullable: false, format: "uuid", description: "The partner place's stable identifier (a UUID) at this publisher; it survives a rename." },
  { name: "partnerName", type: "string", nullable: false, description: "The partner place's name, in English." },
  { name: "partnerLocalName", type: "string", nullable: true, description: "The partner's name in its own language and script (Köln, Београд); null when none is recorded." },
  { name: "partnerLocalNameLanguage", type: "string", nullable: true, description: "The BCP 47 language tag of partnerLocalName (de, sr-Cyrl)." },
  { name: "partnerCountryCode", type: "string", nullable: true, pattern: COUNTRY_PATTERN, description: "The partner's country, ISO 3166-1 alpha-2; null for a place in no country." },
  { name: "partnerWikidataId", type: "string", nullable: true, pattern: WIKIDATA_PATTERN, description: "The Wikidata item ID of the partner place (e.g. Q365 for Cologne); null when staff have not recorded it. The best key to match a link with the partner's own feed, and with Wikidata's P190 (twinned administrative body)." },
  { name: "partnerUrl", type: "string", nullable: false, format: "uri", description: "The partner's public page on the publisher's site." },
  { name: "linkType", type: "string", nullable: false, enum: LINK_TYPE_CODES, description: "The link type on the shared vocabulary (see linkTypes in the schema and docs/open-data.md)." },
  { name: "linkTypeFamily", type: "string", nullable: false, enum: Object.keys(LINK_TYPE_FAMILIES), description: "The family of the link type, across languages: twinning, friendship, cooperation, memorandum or sponsorship." },
  { name: "linkTypeLabel", type: "string", nullable: false, description: "The link type as the publisher names it, in English (e.g. Twin town)." },
  { name: "linkTypeLocal", type: "string", nullable: true, description: "What the link is called in the partner's language (Städtepartnerschaft, jumelage, 姉妹都市); null when not known." },
  { name: "status", type: "string", nullable: false, enum: Object.values(LINK_STATUSES), description: "active (a current link), suspended (paused) or ended." },
  { name: "statusSince", type: "string", nullable: true, format: "date-time", description: "When the council's decision that set this status was taken (ISO 8601, UTC); null when not recorded." },
  { name: "linkBegan", type: "string", nullable: true, format: "date", description: "When the link began (YYYY-MM-DD)." },
  { name: "formalisedOn", type: "string", nullable: true, format: "date", description: "When the link was formalised, e.g. by a charter (YYYY-MM-DD)." },
  { name: "publicSummary", type: "string", nullable: false, description: "A short public description of the link, in English." },
  { name: "publicReason", type: "string", nullable: true, description: "The public reason for a suspended or ended link's status; null for an active link." },
  { name: "confirmation", type: "string", nullable: false, enum: CONFIRMATION_STATES, description: "confirmed-by-both: the partner council's own decision on the link is on record (“Confirmed by both councils”); not-recorded: it is not (yet)." },
  { name: "partnerDecisionDate", type: "string", nullable: true, format: "date", description: "The date of the partner council's decision, when known (YYYY-MM-DD)." },
];

export function twinningLinkRecord(link: PublicLink, council: Council, origin: string): TwinningLinkRecord {
  const { partner } = link;
  const linkType = LINK_TYPE_OF[link.relationshipType];
  return {
    id: link.agreementId,
    councilName: council.name,
    councilCountryCode: council.countryCode,
    councilWikidataId: council.wikidataId,
    partnerId: partner.id,
    partnerName: partner.name,
    partnerLocalName: partner.localName,
    partnerLocalNameLanguage: partner.localNameLanguage,
    partnerCountryCode: partner.country,
    partnerWikidataId: partner.wikidataId,
    partnerUrl: `${origin}${partnerPagePath(partner.slug)}`,
    linkType,
    linkTypeFamily: linkTypeFamily(linkType),
    linkTypeLabel: RELATIONSHIP_TYPE_LABELS[link.relationshipType],
    linkTypeLocal: relationshipTerm(link.relationshipType, partner.localNameLanguage),
    status: LINK_STATUSES[link.status],
    statusSince: link.statusChangedAt,
    linkBegan: link.linkBegan,
    formalisedOn: link.formalisedOn,
    publicSummary: link.publicSummary,
    publicReason: link.status === "ACTIVE" ? null : link.publicReason,
    confirmation: link.partnerConfirmed ? "confirmed-by-both" : "not-recorded",
    partnerDecisionDate: link.partnerDecisionDate,
  };
}

export type TwinningLinksPublication = { council: Council; licence: Licence; origin: string; generatedAt: Date };

/** twinning-links.json: the standard's envelope (who publishes, which version, where the schema is) and the links. */
export function twinningLinksJson(links: readonly PublicLink[], publication: TwinningLinksPublication) {
  const { council, origin } = publication;
  const records = links.map((link) => twinningLinkRecord(link, council, origin));
  return {
    standard: "twinning-links",
    version: TWINNING_LINKS_VERSION,
    schema: `${origin}${TWINNING_LINKS_PATHS.schema}`,
    publisher: { name: council.name, countryCode: council.countryCode, wikidataId: council.wikidataId, site: origin },
    licence: publication.licence,
    documentation: `${origin}${TWINNING_LINKS_PATHS.documentation}`,
    generatedAt: publication.generatedAt.toISOString(),
    count: records.length,
    links: records,
  };
}

/** twinning-links.csv: a header row of the field names, then one row per link (the same records as the JSON). */
export function twinningLinksCsv(links: readonly PublicLink[], council: Council, origin: string): string {
  const names = TWINNING_LINK_FIELDS.map((field) => field.name);
  return toCsv(
    names,
    links.map((link) => {
      const record = twinningLinkRecord(link, council, origin);
      return names.map((name) => record[name]);
    }),
  );
}

function fieldSchema(field: Field) {
  return {
    type: field.nullable ? ["string", "null"] : "string",
    ...(field.format ? { format: field.format } : {}),
    ...(field.pattern ? { pattern: field.pattern } : {}),
    ...(field.enum ? { enum: field.nullable ? [...field.enum, null] : [...field.enum] } : {}),
    description: field.description,
  };
}

/** The JSON Schema (draft 2020-12) of twinning-links.json, with the vocabulary of link types. */
export function twinningLinksJsonSchema(origin: string) {
  const place = {
    type: "object",
    additionalProperties: false,
    required: ["name", "countryCode", "wikidataId", "site"],
    properties: {
      name: { type: "string" },
      countryCode: { type: ["string", "null"], pattern: COUNTRY_PATTERN },
      wikidataId: { type: ["string", "null"], pattern: WIKIDATA_PATTERN },
      site: { type: "string", format: "uri" },
    },
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${origin}${TWINNING_LINKS_PATHS.schema}`,
    title: "Twinning links",
    description: `The twinning-link standard, version ${TWINNING_LINKS_VERSION}: a council's public twinning links. Documented at ${origin}${TWINNING_LINKS_PATHS.documentation}.`,
    type: "object",
    required: ["standard", "version", "publisher", "licence", "generatedAt", "count", "links"],
    properties: {
      standard: { const: "twinning-links" },
      version: { type: "string", pattern: "^1\\.[0-9]+$", description: "The standard's version, major.minor: a reader of 1.x reads any 1.y (a minor version only adds optional fields)." },
      schema: { type: "string", format: "uri" },
      publisher: { ...place, description: "The publishing council: its name, country, Wikidata ID and site." },
      licence: { type: "object", required: ["name", "url"], properties: { name: { type: "string" }, url: { type: ["string", "null"] } } },
      documentation: { type: "string", format: "uri" },
      generatedAt: { type: "string", format: "date-time" },
      count: { type: "integer", minimum: 0 },
      links: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: TWINNING_LINK_FIELDS.map((field) => field.name),
          properties: Object.fromEntries(TWINNING_LINK_FIELDS.map((field) => [field.name, fieldSchema(field)])),
        },
      },
    },
    $defs: {
      linkTypes: {
        description: "The shared vocabulary of link types: code, the term in its language, and its family.",
        oneOf: LINK_TYPE_VOCABULARY.map((type) => ({ const: type.code, title: type.term, description: `${type.description} Family: ${type.family}.` })),
      },
    },
  };
}

// Reading another council's files (issue 25 item 2): every byte is hostile, so each text is capped,
// patterns and vocabularies are checked as the schema states them, and fields a later 1.x adds are
// dropped (a 1.0 reader ignores what it does not know). Built from TWINNING_LINK_FIELDS as the schema is.
const TEXT_LIMIT = 2000;
const MAX_LINKS = 10_000;

/** A text of another council's file: capped, and without control characters or bidirectional overrides (nor NUL, which PostgreSQL's text refuses). */
const foreignText = () => z.string().max(TEXT_LIMIT).refine((value) => !FORBIDDEN_CHARACTERS.test(value), "control characters");

function fieldReader(field: Field) {
  let text = foreignText();
  if (field.pattern) text = text.regex(new RegExp(field.pattern));
  const value = field.enum ? z.enum(field.enum as [string, ...string[]]) : text;
  return field.nullable ? value.nullable() : value;
}

const placeReader = z.object({
  name: foreignText(),
  countryCode: z.string().regex(new RegExp(COUNTRY_PATTERN)).nullable(),
  wikidataId: z.string().regex(new RegExp(WIKIDATA_PATTERN)).nullable(),
  site: z.string().max(TEXT_LIMIT),
});

/** A twinning-links.json of version 1.x, as a reader takes it: only the fields matching needs are kept typed. */
export const twinningLinksFeedReader = z.object({
  standard: z.literal("twinning-links"),
  version: z.string().regex(/^1\.[0-9]+$/),
  publisher: placeReader,
  links: z.array(z.object(Object.fromEntries(TWINNING_LINK_FIELDS.map((field) => [field.name, fieldReader(field)])))).max(MAX_LINKS),
});
export type TwinningLinksFeed = { publisher: z.infer<typeof placeReader>; links: Pick<TwinningLinkRecord, "partnerName" | "partnerLocalName" | "partnerCountryCode" | "partnerWikidataId" | "status">[] };

/** A /.well-known/twinning.json as a reader takes it: the council and the address of its JSON feed. */
export const wellKnownTwinningReader = z.object({
  standard: z.literal("twinning-links"),
  version: z.string().regex(/^1\.[0-9]+$/),
  council: placeReader,
  feeds: z.object({ json: z.string().max(TEXT_LIMIT) }),
});

/** /.well-known/twinning.json: who the council is and where each of its twinning feeds is. */
export function wellKnownTwinning(council: Council, origin: string) {
  return {
    standard: "twinning-links",
    version: TWINNING_LINKS_VERSION,
    council: { name: council.name, countryCode: council.countryCode, wikidataId: council.wikidataId, site: origin },
    feeds: {
      json: `${origin}${TWINNING_LINKS_PATHS.json}`,
      csv: `${origin}${TWINNING_LINKS_PATHS.csv}`,
      schema: `${origin}${TWINNING_LINKS_PATHS.schema}`,
      decisions: `${origin}/open-data/decisions.atom`,
      calendar: `${origin}/open-data/events.ics`,
    },
    documentation: `${origin}${TWINNING_LINKS_PATHS.documentation}`,
  };
}
