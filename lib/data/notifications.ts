import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { NotificationKind, OutboxStatus, Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { kindsForRole } from "@/lib/notifications/kinds";
import { can, type Actor } from "@/lib/domain/permissions";
import { pageOf, PAGE_SIZE, type Page } from "../domain/pagination";

/** The proposals awaiting a councillor's decision, over "Proposal" AS pr: open, not theirs, not yet voted on. */
export function awaitingDecisionBy(userId: string): Prisma.Sql {
  // Councillors vote on the councillors'-votes route only; on the executive-member route the named member decides (decision 022).
  return Prisma.sql`pr."state" = 'OPEN' AND pr."proposerId" <> ${userId}::uuid
    AND (pr."decisionRoute" = 'COUNCILLOR_VOTES' OR pr."executiveMemberId" = ${userId}::uuid) AND NOT EXISTS (
    SELECT 1 FROM "Decision" v WHERE v."proposalId" = pr."id" AND v."actorId" = ${userId}::uuid AND v."kind" IN ('APPROVED', 'REJECTED'))`;
}

/** How many proposals await this councillor's decision; 0 for anyone who cannot decide. */
export async function countAwaitingDecision(user: Actor | null): Promise<number> {
  if (!user || !can(user, "proposal:decide")) return 0;
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT COUNT(*)::int AS "count" FROM "Proposal" pr WHERE ${awaitingDecisionBy(user.id)}`;
  return row?.count ?? 0;
}

/** Each kind this user can receive, and whether it is on (no row means on). */
export async function getPreferences(user: Pick<Actor, "id" | "role">): Promise<{ kind: NotificationKind; enabled: boolean }[]> {
  const rows = await db.notificationPreference.findMany({ where: { userId: user.id }, select: { kind: true, enabled: true } });
  const saved = new Map(rows.map((row) => [row.kind, row.enabled]));
  return kindsForRole(user.role).map((kind) => ({ kind, enabled: saved.get(kind) ?? true }));
}

export type OutboxRow = {
  id: string;
  kind: NotificationKind;
  recipientEmail: string;
  recipientName: string | null;
  subject: string;
  textBody: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
};

/** The outbox, newest first. */
export async function listOutbox(page: number, status?: OutboxStatus): Promise<Page<OutboxRow>> {
  const where = status ? { status } : {};
  const [rows, total] = await Promise.all([
    db.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        recipientEmail: true,
        recipient: { select: { name: true } },
        subject: true,
        textBody: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        sentAt: true,
        createdAt: true,
      },
    }),
    db.outboxMessage.count({ where }),
  ]);
  return pageOf(
    rows.map(({ recipient, ...row }) => ({ ...row, recipientName: recipient?.name ?? null })),
    total,
    page,
  );
}

export async function outboxCounts(): Promise<Record<OutboxStatus, number>> {
  const grouped = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: Record<OutboxStatus, number> = { PENDING: 0, SENT: 0, FAILED: 0 };
  for (const row of grouped) counts[row.status] = row._count._all;
  return counts;
}

export type RecipientMatrixRow = { id: string; name: string; email: string; role: Role; active: boolean; kinds: Partial<Record<NotificationKind, boolean>> };

/** Who receives what: every user, and for each kind their role can receive, whether it is on. */
export async function recipientMatrix(): Promise<RecipientMatrixRow[]> {
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, notificationPrefs: { select: { kind: true, enabled: true } } },
  });
  return users.map(({ notificationPrefs, ...user }) => {
    const saved = new Map(notificationPrefs.map((row) => [row.kind, row.enabled]));
    const kinds: Partial<Record<NotificationKind, boolean>> = {};
    for (const kind of kindsForRole(user.role)) kinds[kind] = saved.get(kind) ?? true;
    return { ...user, kinds };
  });
}
