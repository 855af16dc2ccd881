import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { readSettings } from "@/lib/settings";
import type { SettingsInput } from "@/lib/domain/validation/admin";
import type { Confirmation } from "@/lib/web/confirmations";

export async function updateSettings(input: SettingsInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "settings:manage");
  await db.$transaction(async (tx) => {
    const before = await readSettings(tx);
    await tx.councilSettings.upsert({ where: { id: 1 }, update: input, create: { id: 1, ...input } });
    await writeAudit(tx, { actor, action: "settings.update", entityType: "CouncilSettings", entityId: "1", details: { before, after: input } });
  });
  return { confirmation: "settings.saved" };
}
