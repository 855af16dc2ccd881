import "server-only";
import { memoUntilChanged } from "@/lib/cache";
import { db } from "@/lib/db";
import { verifyDecisionChain, type ChainReport } from "@/lib/decisions/chain";
import type { Prisma } from "@/generated/prisma/client";
import { pageOf, PAGE_SIZE, type Page } from "../domain/pagination";

export type AuditFilters = { user?: string; action?: string; from?: Date; to?: Date; page: number };

const auditSelect = {
  id: true,
  createdAt: true,
  action: true,
  actorEmail: true,
  entityType: true,
  entityId: true,
  ip: true,
  details: true,
  actor: { select: { name: true } },
} satisfies Prisma.AuditLogSelect;

export type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditSelect }>;

/** The audit log's filters (the page's and its CSV download's): who, which action, from and to (whole days). */
function auditWhere(filters: Omit<AuditFilters, "page">): Prisma.AuditLogWhereInput {
  return {
    actorId: filters.user,
    action: filters.action ? { startsWith: filters.action } : undefined,
    createdAt: {
      gte: filters.from,
      // "To" is a whole day: everything before the next midnight.
      lt: filters.to ? new Date(filters.to.getTime() + 24 * 60 * 60 * 1000) : undefined,
    },
  };
}

const AUDIT_ORDER = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.AuditLogOrderByWithRelationInput[];

/** Most rows one download holds: the newest first; narrow the dates for older ones. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export async function listAudit(filters: AuditFilters): Promise<Page<AuditRow>> {
  const where = auditWhere(filters);
  const [items, total] = await Promise.all([
    db.auditLog.findMany({ where, select: auditSelect, orderBy: AUDIT_ORDER, skip: (filters.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.auditLog.count({ where }),
  ]);
  return pageOf(items, total, filters.page);
}

/** Every row the filters select, in the page's order (the CSV download: lib/export/audit.ts). */
export async function listAuditForExport(filters: Omit<AuditFilters, "page">): Promise<AuditRow[]> {
  return db.auditLog.findMany({ where: auditWhere(filters), select: auditSelect, orderBy: AUDIT_ORDER, take: AUDIT_EXPORT_MAX_ROWS });
}

export async function auditActions(): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}

/** A check of the decision chain: its report, when it was made, and when the whole chain was last walked from the first decision. */
export type ChainCheck = { report: ChainReport; checkedAt: Date; walkedAt: Date };

/** How often the whole chain is walked again; in between, a check reads only the decisions recorded since the last one. */
export const CHAIN_WALK_EVERY_MS = 10 * 60_000;

/**
 * The check after `previous`: while the whole chain was walked less than CHAIN_WALK_EVERY_MS ago,
 * a verified chain is extended by the decisions recorded since its head, and a broken one stays
 * broken (appending repairs nothing); otherwise every decision is read again.
 */
export async function checkDecisionChain(previous: ChainCheck | undefined, now: Date): Promise<ChainCheck> {
  let recent = previous && now.getTime() - previous.walkedAt.getTime() < CHAIN_WALK_EVERY_MS ? previous : undefined;
  if (recent && !recent.report.ok) return recent;
  // A field erased since the last walk (perhaps in a decision before its head): walk it all again,
  // so the page counts it as erased only once its digest has been checked.
  if (recent?.report.ok && (await db.decisionField.count({ where: { erasedAt: { not: null } } })) !== recent.report.erased) recent = undefined;
  const from = recent?.report.ok && recent.report.head ? { ...recent.report.head, erased: recent.report.erased } : null;
  const report = await verifyDecisionChain(db, { from });
  return { report, checkedAt: now, walkedAt: recent ? recent.walkedAt : now };
}

/**
 * Whether the decision record's hash chain verifies, for the audit page and the admins' dashboard.
 * A whole walk reads every decision (seconds at 60,000): it is done at most every
 * CHAIN_WALK_EVERY_MS per server process, and a decision recorded in between (lib/cache) or a
 * minute passing is checked from the last verified head on.
 */
export const decisionChainStatus = memoUntilChanged({ topics: ["decisions"], maxEntries: 1, maxAgeMs: 60_000 }, (_key, previous?: ChainCheck) => checkDecisionChain(previous, new Date()));
