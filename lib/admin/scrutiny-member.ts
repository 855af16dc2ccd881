import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { CALL_IN_REFUSED } from "@/lib/domain/call-in";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { ScrutinyMemberInput } from "@/lib/domain/validation/call-in";
import type { Confirmation } from "@/lib/web/confirmations";

/**
 * An admin marks a councillor as a member of the scrutiny committee, or not (docs/decisions/023-call-in.md):
 * scrutiny members may call in a decision they took no part in. Only a councillor can be one.
 */
export async function setScrutinyMember(input: ScrutinyMemberInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "user:manage");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, scrutinyMember: true } });
    if (!user) throw new AppError("NOT_FOUND", REFUSED.userMissing);
    if (input.scrutinyMember && user.role !== "COUNCILLOR") throw new AppError("VALIDATION", CALL_IN_REFUSED.scrutinyNotCouncillor, { scrutinyMember: [CALL_IN_REFUSED.scrutinyNotCouncillor] });
    await tx.user.update({ where: { id: input.userId }, data: { scrutinyMember: input.scrutinyMember } });
    await writeAudit(tx, { actor, action: "user.scrutiny-member", entityType: "User", entityId: input.userId, details: { before: user.scrutinyMember, after: input.scrutinyMember } });
  });
  return { confirmation: "user.scrutiny" };
}
