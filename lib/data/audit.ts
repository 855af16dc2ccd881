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

export async function listAudit(filters: AuditFilters): Promise<Page<AuditRow>> {
  const where: Prisma.AuditLogWhereInput = {
    actorId: filters.user,
    action: filters.action ? { startsWith: filters.action } : undefined,
    createdAt: {
      gte: filters.from,
      // "To" is a whole day: everything before the next midnight.
      lt: filters.to ? new Date(filters.to.getTime() + 24 * 60 * 60 * 1000) : undefined,
    },
  };
  const [items, total] = await Promise.all([
    db.auditLog.findMany({ where, select: auditSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (filters.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.auditLog.count({ where }),
  ]);
  return pageOf(items, total, filters.page);
}

export async function auditActions(): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}

/**
 * Whether the decision record's hash chain verifies. The walk reads every decision (seconds at
 * 60,000), so one result serves every view until a decision is recorded (lib/cache), or a minute.
 */
export const decisionChainStatus = memoUntilChanged({ topics: ["decisions"], maxEntries: 1, maxAgeMs: 60_000 }, async (): Promise<{ report: ChainReport; checkedAt: Date }> => {
  const report = await verifyDecisionChain(db);
  return { report, checkedAt: new Date() };
});
