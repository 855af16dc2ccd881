import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { StatementsInput } from "@/lib/domain/validation/statements";
import { lockSettings } from "@/lib/settings";
import type { Confirmation } from "@/lib/web/confirmations";

/** Saves the council's contact address and its own accessibility statement and privacy notice (null: the generated one). */
export async function updateStatements(input: StatementsInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "settings:manage");
  await db.$transaction(async (tx) => {
    // The settings row exists and is locked: an admin saving the other settings at once waits.
    await lockSettings(tx);
    const before = await tx.councilSettings.findUniqueOrThrow({ where: { id: 1 }, select: { contactAddress: true, accessibilityStatement: true, privacyNotice: true } });
    await tx.councilSettings.update({ where: { id: 1 }, data: input });
    await writeAudit(tx, { actor, action: "settings.statements", entityType: "CouncilSettings", entityId: "1", details: { before, after: input } });
  });
  return { confirmation: "settings.saved" };
}
