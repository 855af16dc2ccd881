// The agreements list as a table for a spreadsheet: the columns of the CSV and XLSX exports, and
// the file's name. Pure, so the layout is tested without a database.
import type { AgreementStatus, RelationshipType } from "@/generated/prisma/enums";
import type { AgreementFilters } from "@/lib/data/agreements";
import { countryName } from "@/lib/domain/countries";
import { RELATIONSHIP_TYPE_LABELS } from "@/lib/domain/labels";
import { statusLabel } from "@/lib/domain/lifecycle";
import { slugify } from "@/lib/domain/partner-identity";

export type ExportFormat = "csv" | "xlsx";

export type ExportCell = string | Date | null;

export type ExportAgreement = {
  status: AgreementStatus;
  relationshipType: RelationshipType;
  title: string;
  linkBegan: Date | null;
  formalisedOn: Date | null;
  reviewDate: Date | null;
  publicSummary: string;
  partner: { name: string; country: string | null };
};

export const EXPORT_HEADER = [
  "Partner",
  "Country code",
  "Country",
  "Relationship type",
  "Status",
  "Link began",
  "Formalised on",
  "Review date",
  "Title",
  "Public summary",
] as const;

/** One row per agreement, in the list's order; dates stay dates (the CSV writes YYYY-MM-DD, the workbook a date cell). */
export function agreementTable(agreements: readonly ExportAgreement[]): ExportCell[][] {
  return agreements.map((agreement) => [
    agreement.partner.name,
    agreement.partner.country ?? "",
    agreement.partner.country ? countryName(agreement.partner.country) : "",
    RELATIONSHIP_TYPE_LABELS[agreement.relationshipType],
    statusLabel(agreement.status),
    agreement.linkBegan,
    agreement.formalisedOn,
    agreement.reviewDate,
    agreement.title,
    agreement.publicSummary,
  ]);
}

/** Today's date where the council is, YYYY-MM-DD. */
export function londonDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** "agreements-active-de-twin-town-2026-11-28.csv": the filters that shaped the file, then the day. */
export function exportFileName(filters: AgreementFilters, format: ExportFormat, now = new Date()): string {
  const parts = [
    filters.status ? slugify(statusLabel(filters.status)) : null,
    filters.country ? filters.country.toLowerCase() : null,
    filters.type ? slugify(RELATIONSHIP_TYPE_LABELS[filters.type]) : null,
    filters.q ? slugify(filters.q).replace(/[^a-z0-9-]/g, "").slice(0, 30) || null : null,
    filters.dormant ? "dormant" : null,
  ].filter((part): part is string => Boolean(part));
  return `${["agreements", ...parts, londonDate(now)].join("-")}.${format}`;
}

/** The download link for the list as filtered now: /agreements/export?format=csv&status=ACTIVE… (no page: the export is every page). */
export function exportHref(filters: AgreementFilters, format: ExportFormat): string {
  const query = new URLSearchParams({ format });
  for (const key of ["q", "status", "country", "type", "sort"] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  if (filters.dormant) query.set("dormant", "1");
  return `/agreements/export?${query.toString()}`;
}
