// The column layout of the partnership import: one table drives the template, the guidance on
// /import, and how a file's header row is read.
import { LOCALITY_KIND_LABELS, RELATIONSHIP_TYPE_LABELS, THEME_LABELS } from "@/lib/domain/labels";
import { toCsv } from "@/lib/export/spreadsheet-safety";
import type { ImportMessage } from "./import-state";

export type ImportField =
  | "partnerName"
  | "country"
  | "region"
  | "localityKind"
  | "relationshipType"
  | "title"
  | "purpose"
  | "themes"
  | "linkBegan"
  | "formalisedOn"
  | "reviewDate"
  | "publicSummary"
  | "internalNotes"
  | "latitude"
  | "longitude"
  | "population"
  | "website"
  | "partnerDecisionDate"
  | "partnerDecisionReference";

export type ImportColumn = {
  field: ImportField;
  /** The header in the template: the agreement form's own label. */
  header: string;
  required: boolean;
  description: string;
  example: string;
  /** Other headers that mean the same column (compared without case, spaces or punctuation). */
  aliases?: readonly string[];
};

const DATE_HELP = "A date as YYYY-MM-DD or DD/MM/YYYY, or just a year (read as 1 January).";

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: "partnerName", header: "Partner name", required: true, description: "The partner town, city or region.", example: "Kiel", aliases: ["Partner", "Partner town", "Town"] },
  {
    field: "country",
    header: "Country",
    required: true,
    description: "A two-letter ISO country code or the country's English name; “None” for a fictional or other place.",
    example: "DE",
    aliases: ["Country code"],
  },
  { field: "region", header: "Region", required: false, description: "Region, state or province.", example: "Schleswig-Holstein" },
  {
    field: "localityKind",
    header: "Locality type",
    required: false,
    description: `One of: ${Object.values(LOCALITY_KIND_LABELS).join(", ")}. Town when empty.`,
    example: LOCALITY_KIND_LABELS.CITY,
    aliases: ["Locality kind", "Kind"],
  },
  {
    field: "relationshipType",
    header: "Relationship type",
    required: true,
    description: `One of: ${Object.values(RELATIONSHIP_TYPE_LABELS).join(", ")}.`,
    example: RELATIONSHIP_TYPE_LABELS.TWIN_TOWN,
    aliases: ["Type", "Relationship"],
  },
  { field: "title", header: "Title", required: false, description: "The agreement's title; “Twin town: Kiel” when empty.", example: "Coventry–Kiel twinning" },
  { field: "purpose", header: "Purpose", required: false, description: "What the link is for.", example: "Reconciliation after the war" },
  {
    field: "themes",
    header: "Themes",
    required: false,
    description: `Any of: ${Object.values(THEME_LABELS).join(", ")} — separated by semicolons.`,
    example: `${THEME_LABELS.RECONCILIATION}; ${THEME_LABELS.CULTURE}`,
  },
  { field: "linkBegan", header: "Link began", required: false, description: DATE_HELP, example: "1947", aliases: ["Began", "Since"] },
  { field: "formalisedOn", header: "Formalised on", required: false, description: `${DATE_HELP} Not before the link began.`, example: "1967-01-01", aliases: ["Formalized on", "Formalised"] },
  { field: "reviewDate", header: "Review date", required: false, description: `${DATE_HELP} May be past: an overdue review shows on the dashboard.`, example: "2027-06-30" },
  { field: "publicSummary", header: "Public summary", required: false, description: "Shown on the public partner page.", example: "Our oldest link with a German city." },
  { field: "internalNotes", header: "Internal notes", required: false, description: "Seen by staff and councillors only.", example: "" },
  { field: "latitude", header: "Latitude", required: false, description: "Decimal degrees, −90 to 90, with a longitude.", example: "54.3233" },
  { field: "longitude", header: "Longitude", required: false, description: "Decimal degrees, −180 to 180, with a latitude.", example: "10.1228" },
  { field: "population", header: "Population", required: false, description: "A whole number.", example: "246601" },
  { field: "website", header: "Website", required: false, description: "Starting with https:// or http://.", example: "https://www.kiel.de" },
  { field: "partnerDecisionDate", header: "Partner decision date", required: false, description: `When the partner decided on the link. ${DATE_HELP}`, example: "1967-01-01" },
  { field: "partnerDecisionReference", header: "Partner decision reference", required: false, description: "The partner's own minute or reference.", example: "Ratsversammlung Kiel 1967" },
];

export const COLUMN_BY_FIELD = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.field, column])) as Record<ImportField, ImportColumn>;

/** Compares headers and labels without case, accents, spaces or punctuation: "Partner name" = "partner_name" = "PartnerName". */
export function normaliseKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en-GB")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const HEADER_LOOKUP: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_COLUMNS.flatMap((column) => [column.header, column.field, ...(column.aliases ?? [])].map((name) => [normaliseKey(name), column.field] as const)),
);

export type HeaderMap = {
  /** Which cell of each row holds each field. */
  fields: Partial<Record<ImportField, number>>;
  /** File-level problems: a required column missing, or one column given twice. */
  problems: ImportMessage[];
  /** Columns that the import does not use. */
  ignored: string[];
};

/** Reads the header row: which column is which, and what is missing or unknown. */
export function mapHeader(header: readonly string[]): HeaderMap {
  const fields: Partial<Record<ImportField, number>> = {};
  const problems: ImportMessage[] = [];
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (!name) return;
    const field = HEADER_LOOKUP.get(normaliseKey(name));
    if (!field) {
      ignored.push(name);
      return;
    }
    const earlier = fields[field];
    if (earlier !== undefined) {
      problems.push({ key: "importPage.importer.duplicateColumn", values: { first: header[earlier]?.trim() ?? "", second: name, column: field } });
      return;
    }
    fields[field] = index;
  });
  for (const column of IMPORT_COLUMNS) {
    if (column.required && fields[column.field] === undefined) {
      problems.push({ key: "importPage.importer.missingColumn", values: { header: column.field } });
    }
  }
  return { fields, problems, ignored };
}

/** The downloadable template: the header row only (the layout and examples are on /import). */
export function templateCsv(): string {
  return toCsv(
    IMPORT_COLUMNS.map((column) => column.header),
    [],
    { bom: true },
  );
}
