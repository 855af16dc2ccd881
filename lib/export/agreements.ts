// The agreements export: the list's own filters and order (lib/data/agreements.ts), every page.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { selectAgreements, type AgreementFilters } from "@/lib/data/agreements";
import { agreementTable, EXPORT_HEADER, type ExportAgreement, type ExportFormat } from "./agreement-table";
import { toCsv } from "./spreadsheet-safety";
import { toXlsx } from "./xlsx";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export async function listAgreementsForExport(filters: AgreementFilters): Promise<ExportAgreement[]> {
  const rows = await selectAgreements<Omit<ExportAgreement, "partner"> & { partnerName: string; partnerCountry: string | null }>(
    Prisma.sql`a."status"::text AS "status", a."relationshipType"::text AS "relationshipType", a."title",
      a."linkBegan", a."formalisedOn", a."reviewDate", a."publicSummary",
      p."name" AS "partnerName", p."country"::text AS "partnerCountry"`,
    filters,
  );
  return rows.map(({ partnerName, partnerCountry, ...row }) => ({ ...row, partner: { name: partnerName, country: partnerCountry } }));
}

/** The file's bytes: CSV with a byte order mark (Excel then reads Łódź and 友好城市 right), or a workbook. */
export async function agreementsFile(filters: AgreementFilters, format: ExportFormat): Promise<Uint8Array | string> {
  const rows = agreementTable(await listAgreementsForExport(filters));
  return format === "xlsx" ? toXlsx("Agreements", EXPORT_HEADER, rows) : toCsv(EXPORT_HEADER, rows, { bom: true });
}
