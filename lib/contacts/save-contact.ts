// "Add a contact" and editing one: the people of a link (issue 23 item 1). Personal data
// (docs/data-protection.md): kept while the link lives, deleted by the retention job the council's
// period after it ends, found by email for a person's export and erasure (lib/admin/personal-data.ts).
// The audit row names the contact by id, never their details.
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { CONTACT_REFUSALS, type ContactInput, type RemoveContactInput } from "@/lib/domain/validation/contacts";
import type { Confirmation } from "@/lib/web/confirmations";

const CONTACT_MISSING = CONTACT_REFUSALS.contactMissing;

export async function saveContact(input: ContactInput, actor: Actor): Promise<{ confirmation: Confirmation; contactId: string }> {
  requirePermission(actor, "contact:manage");
  return db.$transaction(async (tx) => {
    const agreement = await tx.agreement.findUnique({ where: { id: input.agreementId }, select: { id: true } });
    if (!agreement) throw new AppError("NOT_FOUND", REFUSED.agreementMissing);
    const data = {
      name: input.name,
      organisation: input.organisation ?? "",
      role: input.role ?? "",
      email: input.email ?? null,
      phone: input.phone ?? "",
      preferredLanguage: input.preferredLanguage,
      notes: input.contactNotes,
    };
    if (input.contactId) {
      const { count } = await tx.contact.updateMany({ where: { id: input.contactId, agreementId: agreement.id }, data });
      if (count === 0) throw new AppError("NOT_FOUND", CONTACT_MISSING);
      await writeAudit(tx, { actor, action: "contact.update", entityType: "Contact", entityId: input.contactId, details: { agreementId: agreement.id } });
      return { confirmation: "contact.contact-saved" as const, contactId: input.contactId };
    }
    const contact = await tx.contact.create({ data: { agreementId: agreement.id, ...data }, select: { id: true } });
    await writeAudit(tx, { actor, action: "contact.create", entityType: "Contact", entityId: contact.id, details: { agreementId: agreement.id } });
    return { confirmation: "contact.contact-added" as const, contactId: contact.id };
  });
}

/** Removes a contact; a confirmation request sent to them stays, without them (its answer keeps who answered). */
export async function removeContact(input: RemoveContactInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "contact:manage");
  return db.$transaction(async (tx) => {
    const { count } = await tx.contact.deleteMany({ where: { id: input.contactId, agreementId: input.agreementId } });
    if (count === 0) throw new AppError("NOT_FOUND", CONTACT_MISSING);
    await writeAudit(tx, { actor, action: "contact.remove", entityType: "Contact", entityId: input.contactId, details: { agreementId: input.agreementId } });
    return { confirmation: "contact.contact-removed" as const };
  });
}
