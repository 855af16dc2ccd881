// The audit log as CSV for admins (/admin/audit/export): the page's filters and order, every
// row (up to AUDIT_EXPORT_MAX_ROWS), through the agreements export's CSV writer and its formula
// guard — an action's details are text that users typed.
import "server-only";
import { listAuditForExport, type AuditFilters } from "@/lib/data/audit";
import { toCsv } from "./spreadsheet-safety";

export const AUDIT_EXPORT_HEADER = ["When (UTC)", "Who", "Email", "Action", "Entity type", "Entity id", "Details", "Address"];

/** The file: CSV with a byte order mark (Excel reads accented names right), full timestamps in UTC. */
export async function auditLogCsv(filters: Omit<AuditFilters, "page">): Promise<string> {
  const rows = await listAuditForExport(filters);
  return toCsv(
    AUDIT_EXPORT_HEADER,
    rows.map((row) => [row.createdAt.toISOString(), row.actor?.name ?? null, row.actorEmail, row.action, row.entityType, row.entityId, row.details === null ? null : JSON.stringify(row.details), row.ip]),
    { bom: true },
  );
}

/** "audit-log-2026-12-04.csv", or with the filters' dates "audit-log-2026-11-01-to-2026-11-30.csv". */
export function auditExportFileName(filters: Pick<AuditFilters, "from" | "to">, now = new Date()): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  if (filters.from || filters.to) return `audit-log-${filters.from ? day(filters.from) : "start"}-to-${day(filters.to ?? now)}.csv`;
  return `audit-log-${day(now)}.csv`;
}

/** The download's address with the page's filters. */
export function auditExportHref(filters: Omit<AuditFilters, "page">): string {
  const query = new URLSearchParams();
  if (filters.user) query.set("user", filters.user);
  if (filters.action) query.set("action", filters.action);
  if (filters.from) query.set("from", filters.from.toISOString().slice(0, 10));
  if (filters.to) query.set("to", filters.to.toISOString().slice(0, 10));
  const search = query.toString();
  return `/admin/audit/export${search ? `?${search}` : ""}`;
}
