// A person's data, for the right of access (docs/data-protection.md): everything
// lib/admin/personal-data.ts finds about a user, as one JSON document. Audited: who exported whom.
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { collectPersonalData } from "./personal-data";

export async function exportUserData(userId: string, actor: Actor, { now = new Date(), ip }: { now?: Date; ip?: string | null } = {}): Promise<Record<string, unknown>> {
  requirePermission(actor, "user:manage");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
    if (!user) throw new AppError("NOT_FOUND", REFUSED.userMissing);
    const data = await collectPersonalData(tx, user);
    await writeAudit(tx, { actor, action: "user.export", entityType: "User", entityId: userId, ip });
    return { exportedAt: now.toISOString(), userId, ...data };
  });
}
