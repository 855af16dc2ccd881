import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "@/lib/audit";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { lockSettings } from "@/lib/settings";
import { approvalsAboveCouncillorsMessage, SSO_NOT_CONFIGURED, type SettingsInput } from "@/lib/domain/validation/admin";
import type { Confirmation } from "@/lib/web/confirmations";

/** `ssoConfigured`: whether this server has single sign-on (lib/config/env.ts OidcConfig). */
export async function updateSettings(input: SettingsInput, actor: Actor, { ssoConfigured = false }: { ssoConfigured?: boolean } = {}): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "settings:manage");
  await db.$transaction(async (tx) => {
    // Locked: a councillor deactivated meanwhile waits, and is then checked against this quorum.
    const before = await lockSettings(tx);
    // Sign-in by council account only, where there is none to sign in with, would shut out every
    // officer and councillor. Only a change is checked: one already on stays (and has no effect
    // while single sign-on is not configured: lib/auth/sign-in.ts).
    if (input.ssoOnlyForStaff && !before.ssoOnlyForStaff && !ssoConfigured) {
      throw new AppError("VALIDATION", SSO_NOT_CONFIGURED, { ssoOnlyForStaff: [SSO_NOT_CONFIGURED] });
    }
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
