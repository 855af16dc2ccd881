import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "@/lib/audit";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { readSettings } from "@/lib/settings";
import { approvalsAboveCouncillorsMessage, type SettingsInput } from "@/lib/domain/validation/admin";
import type { Confirmation } from "@/lib/web/confirmations";

export async function updateSettings(input: SettingsInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "settings:manage");
  await db.$transaction(async (tx) => {
    const before = await readSettings(tx);
    // A quorum the councillors cannot reach would leave every proposal open. Only a change is
    // checked: a council with no councillor yet can still save its other settings.
    if (input.approvalsNeeded !== before.approvalsNeeded) {
      const councillors = await tx.user.count({ where: { role: "COUNCILLOR", active: true } });
      if (input.approvalsNeeded > councillors) {
        const message = approvalsAboveCouncillorsMessage(councillors);
        throw new AppError("VALIDATION", message, { approvalsNeeded: [message] });
      }
    }
    await tx.councilSettings.upsert({ where: { id: 1 }, update: input, create: { id: 1, ...input } });
    await writeAudit(tx, { actor, action: "settings.update", entityType: "CouncilSettings", entityId: "1", details: { before, after: input } });
  });
  return { confirmation: "settings.saved" };
}
