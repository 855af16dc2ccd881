// Erasing a person (right to erasure; docs/data-protection.md): every kind of personal data about
// them (lib/admin/personal-data.ts) erased or anonymised in one transaction, the name replaced by
// "Former user N" and the email by a unique placeholder. The account stays, deactivated, so the
// records that name its id (decisions, agreements, exchanges) keep an author; the decision chain
// hashes that id, not the name, so it still verifies.
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { Confirmation } from "@/lib/web/confirmations";
import { erasePersonalData } from "./personal-data";
import { assertNotLastAdmin } from "./users";

/** The domain of erased users' placeholder emails: reserved (RFC 2606), so nothing is ever sent to it. */
export const ERASED_EMAIL_DOMAIN = "erased.invalid";

/** The pg_advisory_xact_lock key that serializes erasures: any constant no other code uses. */
const ERASURE_LOCK = 2026120514;

export async function eraseUser(userId: string, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "user:manage");
  await db.$transaction(async (tx) => {
    // One erasure at a time: two at once would count the same former users and share a number.
    // executeRaw: the lock function returns void, a type the driver adapters cannot read back.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ERASURE_LOCK})`);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
    if (!user) throw new AppError("NOT_FOUND", REFUSED.userMissing);
    if (user.email.endsWith(`@${ERASED_EMAIL_DOMAIN}`)) return;
    await assertNotLastAdmin(tx, userId);
    const number = (await tx.user.count({ where: { email: { endsWith: `@${ERASED_EMAIL_DOMAIN}` } } })) + 1;
    const replacement = { name: `Former user ${number}`, email: `former-user-${user.id}@${ERASED_EMAIL_DOMAIN}` };
    // An admin erasing themselves: their own audit rows name the placeholder, not the old email.
    const auditActor = actor.id === userId ? { id: actor.id, email: replacement.email } : actor;
    const counts = await erasePersonalData(tx, user, replacement, { by: auditActor, at: new Date(), why: `Right to erasure: ${replacement.name}` });
    await writeAudit(tx, { actor: auditActor, action: "user.erase", entityType: "User", entityId: userId, details: { formerUser: replacement.name, rows: counts } });
  });
  return { confirmation: "user.erased" };
}
