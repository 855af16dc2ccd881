// A person found by email (issue 23): a user, or a contact of a link who has no account. Their data
// is exported and erased by the same kinds as a user's (lib/admin/personal-data.ts): a user by
// email is the user's own export and erasure; a contact without an account has their contact rows
// deleted, the name on the answers they gave replaced, and the emails sent to them emptied.
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { CONTACT_REFUSALS } from "@/lib/domain/validation/contacts";
import type { Confirmation } from "@/lib/web/confirmations";
import { ERASED_EMAIL_DOMAIN, eraseUser } from "./erase-user";
import { exportUserData } from "./export-user-data";
import { collectPersonalData, erasePersonalData, subjectByEmail } from "./personal-data";

export const NOBODY_WITH_EMAIL = CONTACT_REFUSALS.nobodyWithEmail;

export async function exportPersonByEmail(email: string, actor: Actor, { now = new Date(), ip }: { now?: Date; ip?: string | null } = {}): Promise<Record<string, unknown>> {
  requirePermission(actor, "user:manage");
  const subject = await subjectByEmail(db, email);
  if (!subject) throw new AppError("NOT_FOUND", NOBODY_WITH_EMAIL);
  if (subject.hasAccount) return exportUserData(subject.id, actor, { now, ip });
  return db.$transaction(async (tx) => {
    const data = await collectPersonalData(tx, subject);
    await writeAudit(tx, { actor, action: "person.export", entityType: "Contact", details: { contacts: (data.contacts as unknown[]).length }, ip });
    return { exportedAt: now.toISOString(), email: subject.email, ...data };
  });
}

/** The placeholder a contact's name becomes on the answers they gave. */
export const FORMER_CONTACT = "Former contact";

export async function erasePersonByEmail(email: string, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "user:manage");
  const subject = await subjectByEmail(db, email);
  if (!subject) throw new AppError("NOT_FOUND", NOBODY_WITH_EMAIL);
  if (subject.hasAccount) return eraseUser(subject.id, actor);
  await db.$transaction(async (tx) => {
    const replacement = { name: FORMER_CONTACT, email: `former-contact@${ERASED_EMAIL_DOMAIN}` };
    const counts = await erasePersonalData(tx, subject, replacement, { by: actor, at: new Date(), why: `Right to erasure: ${FORMER_CONTACT}` });
    await writeAudit(tx, { actor, action: "person.erase", entityType: "Contact", details: { formerContact: FORMER_CONTACT, rows: counts } });
  });
  return { confirmation: "person.erased" };
}
