import type { NotificationKind } from "@/generated/prisma/enums";
import { writeAudit } from "@/lib/audit";
import type { Confirmation } from "@/lib/web/confirmations";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { kindsForRole } from "./kinds";
import type { PreferencesInput } from "./preferences-schema";

/**
 * Saves which kinds of email the signed-in user receives: the kinds for their role that are
 * ticked are on, the rest off. Only one's own preferences; audited.
 */
export async function updatePreferences(input: PreferencesInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "account:manage");
  const kinds = kindsForRole(actor.role);
  const enabled = new Set<NotificationKind>(input.enabled);
  await db.$transaction(async (tx) => {
    for (const kind of kinds) {
      const on = enabled.has(kind);
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        update: { enabled: on },
        create: { userId: actor.id, kind, enabled: on },
      });
    }
    await writeAudit(tx, {
      actor,
      action: "notifications.preferences",
      entityType: "User",
      entityId: actor.id,
      details: { on: kinds.filter((kind) => enabled.has(kind)), off: kinds.filter((kind) => !enabled.has(kind)) },
    });
  });
  return { confirmation: "preferences.saved" };
}
