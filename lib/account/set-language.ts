import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { LanguageInput } from "@/lib/domain/validation/account";
import type { StaffLocale } from "@/lib/i18n/locales";
import type { Confirmation } from "@/lib/web/confirmations";

/**
 * Saves the signed-in user's own language (User.language): signing in lands on pages in it, and
 * their emails are written in it. Only one's own; audited like the other account changes.
 */
export async function setOwnLanguage(input: LanguageInput, actor: Actor): Promise<{ language: StaffLocale; confirmation: Confirmation }> {
  requirePermission(actor, "account:manage");
  await db.$transaction(async (tx) => {
    const { language: previous } = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { language: true } });
    await tx.user.update({ where: { id: actor.id }, data: { language: input.language } });
    await writeAudit(tx, { actor, action: "account.language", entityType: "User", entityId: actor.id, details: { from: previous, to: input.language } });
  });
  return { language: input.language, confirmation: "account.language" };
}
