// A link's contacts (issue 23 item 1) on both databases: staff add, edit and remove them (not
// councillors); they are personal data: deleted by the retention job the council's period after
// the link ended (never while it lives), found by email for a person's export and erasure (with or
// without an account), written to backups, and never in the public data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { erasePersonByEmail, exportPersonByEmail, FORMER_CONTACT, NOBODY_WITH_EMAIL } from "@/lib/admin/person-by-email";
import { writeBackup } from "@/lib/backup/backup";
import { removeContact, saveContact } from "@/lib/contacts/save-contact";
import { getPublicPartner } from "@/lib/data/public";
import { db } from "@/lib/db";
import { appendDecision } from "@/lib/decisions/chain";
import { contactSchema } from "@/lib/domain/validation/contacts";
import { applyRetention } from "@/lib/jobs/retention";
import { createAdmin, createAgreement, createCouncillor, createStaff, resetDatabase } from "../helpers/database";
import { rowsContaining } from "../helpers/dump";
import { refusal } from "../helpers/outcomes";

const NAME = "Ingrid Kontaktperson";
const EMAIL = "ingrid.kontakt@kiel.test";

beforeEach(resetDatabase);

function contactInput(agreementId: string, fields: Record<string, string> = {}) {
  return contactSchema.parse({
    agreementId,
    name: NAME,
    organisation: "Landeshauptstadt Kiel",
    role: "Head of the twinning office",
    email: "Ingrid.Kontakt@Kiel.test",
    phone: "+49 431 901-0",
    preferredLanguage: "de",
    contactNotes: "Prefers calls in the morning.",
    ...fields,
  });
}

/** The link ended at `endedAt`: terminated by a decision recorded then. */
async function terminatedAt(endedAt: Date) {
  const officer = await createStaff();
  const agreement = await createAgreement({ createdBy: officer });
  await db.$transaction(async (tx) => {
    const decision = await appendDecision(tx, { agreementId: agreement.id, kind: "STATUS_CHANGED", actorId: officer.id, fromStatus: "ACTIVE", toStatus: "TERMINATED", reason: "Ended", createdAt: endedAt });
    await tx.agreement.update({ where: { id: agreement.id }, data: { status: "TERMINATED", statusDecisionId: decision.id } });
  });
  return agreement;
}

describe("contacts", () => {
  it("staff add, edit and remove a contact, each audited by id; email kept in lower case", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement();
    const added = await saveContact(contactInput(agreement.id), officer);
    expect(added.confirmation).toBe("contact.contact-added");
    const row = await db.contact.findUniqueOrThrow({ where: { id: added.contactId } });
    expect(row).toMatchObject({ agreementId: agreement.id, name: NAME, email: EMAIL, phone: "+49 431 901-0", preferredLanguage: "de", organisation: "Landeshauptstadt Kiel" });

    const edited = await saveContact(contactInput(agreement.id, { contactId: added.contactId, role: "Mayor's office", email: "" }), officer);
    expect(edited.confirmation).toBe("contact.contact-saved");
    expect(await db.contact.findUniqueOrThrow({ where: { id: added.contactId } })).toMatchObject({ role: "Mayor's office", email: null });

    // Another agreement's id with this contact: not found, nothing changed.
    const other = await createAgreement();
    expect((await refusal(saveContact(contactInput(other.id, { contactId: added.contactId }), officer))).code).toBe("NOT_FOUND");
    expect((await refusal(removeContact({ agreementId: other.id, contactId: added.contactId }, officer))).code).toBe("NOT_FOUND");

    expect(await removeContact({ agreementId: agreement.id, contactId: added.contactId }, officer)).toEqual({ confirmation: "contact.contact-removed" });
    expect(await db.contact.count()).toBe(0);
    const audit = await db.auditLog.findMany({ where: { entityType: "Contact" }, orderBy: { createdAt: "asc" }, select: { action: true, entityId: true, details: true } });
    expect(audit.map((entry) => entry.action)).toEqual(["contact.create", "contact.update", "contact.remove"]);
    expect(JSON.stringify(audit)).not.toContain(NAME);
  });

  it("refuses councillors, and bad input names the field", async () => {
    const councillor = await createCouncillor();
    const agreement = await createAgreement();
    expect((await refusal(saveContact(contactInput(agreement.id), councillor))).code).toBe("FORBIDDEN");
    const parsed = contactSchema.safeParse({ agreementId: agreement.id, name: "", email: "not an email", phone: "call me", preferredLanguage: "es" });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries((parsed.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
    expect(fields).toMatchObject({
      name: "Enter the contact’s name",
      email: "Enter an email address in the correct format, like name@example.org",
      phone: "Phone must be a phone number, like +44 24 7683 3333",
      preferredLanguage: "Choose a preferred language",
    });
  });

  it("are never in the public data of the partner page", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement();
    await saveContact(contactInput(agreement.id), officer);
    const partner = await db.partner.findUniqueOrThrow({ where: { id: agreement.partnerId }, select: { slug: true } });
    const page = await getPublicPartner(partner.slug);
    expect(page).not.toBeNull();
    expect(JSON.stringify(page)).not.toContain(NAME);
    expect(JSON.stringify(page)).not.toContain(EMAIL);
  });
});

describe("contacts under the retention schedule", () => {
  it("are deleted 12 months (the default) after the link ended, not before, and never while it lives", async () => {
    const officer = await createStaff();
    const now = new Date();
    const endedLongAgo = await terminatedAt(new Date(now.getTime() - 400 * 24 * 60 * 60 * 1000));
    const endedRecently = await terminatedAt(new Date(now.getTime() - 300 * 24 * 60 * 60 * 1000));
    const living = await createAgreement();
    for (const agreement of [endedLongAgo, endedRecently, living]) await saveContact(contactInput(agreement.id), officer);

    const result = await applyRetention(now);
    expect(result).toMatchObject({ ran: true, contacts: 1 });
    expect(await db.contact.count({ where: { agreementId: endedLongAgo.id } })).toBe(0);
    expect(await db.contact.count({ where: { agreementId: endedRecently.id } })).toBe(1);
    expect(await db.contact.count({ where: { agreementId: living.id } })).toBe(1);
    const [audit] = await db.auditLog.findMany({ where: { action: "retention.applied" } });
    expect(audit?.details).toMatchObject({ contacts: 1 });
  });

  it("follow the council's period", async () => {
    const officer = await createStaff();
    await db.councilSettings.upsert({ where: { id: 1 }, update: { contactsMonths: 1 }, create: { id: 1, contactsMonths: 1 } });
    const now = new Date();
    const ended = await terminatedAt(new Date(now.getTime() - 40 * 24 * 60 * 60 * 1000));
    await saveContact(contactInput(ended.id), officer);
    expect(await applyRetention(now)).toMatchObject({ contacts: 1 });
  });
});

describe("a contact's data: export, erasure and backups", () => {
  it("exports a contact without an account by email, and erasure deletes them everywhere", async () => {
    const admin = await createAdmin();
    const officer = await createStaff();
    const agreement = await createAgreement();
    await saveContact(contactInput(agreement.id), officer);
    await saveContact(contactInput(agreement.id, { name: `${NAME} (second)` }), officer);

    expect((await refusal(exportPersonByEmail("nobody@test.example", admin))).message).toBe(NOBODY_WITH_EMAIL);
    expect((await refusal(exportPersonByEmail(EMAIL, officer))).code).toBe("FORBIDDEN");
    const data = await exportPersonByEmail(" INGRID.kontakt@kiel.test ", admin);
    expect(data).toMatchObject({ email: EMAIL, account: null });
    expect(data.contacts).toHaveLength(2);
    expect(data.contacts).toEqual(expect.arrayContaining([expect.objectContaining({ name: NAME, phone: "+49 431 901-0", agreementId: agreement.id })]));
    expect(await db.auditLog.count({ where: { action: "person.export" } })).toBe(1);

    expect(await erasePersonByEmail(EMAIL, admin)).toEqual({ confirmation: "person.erased" });
    expect(await db.contact.count()).toBe(0);
    expect(await rowsContaining(EMAIL)).toEqual([]);
    expect((await rowsContaining(NAME)).filter((row) => !row.startsWith("AuditLog"))).toEqual([]);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "person.erase" } })).toMatchObject({ details: expect.objectContaining({ formerContact: FORMER_CONTACT }) });
  });

  it("a user's own export and erasure take in the contacts with their email", async () => {
    const admin = await createAdmin();
    const officer = await createStaff({ email: EMAIL, name: NAME });
    const agreement = await createAgreement();
    await saveContact(contactInput(agreement.id), officer);
    const data = await exportPersonByEmail(EMAIL, admin);
    expect(data).toMatchObject({ userId: officer.id });
    expect(data.contacts).toHaveLength(1);
    await erasePersonByEmail(EMAIL, admin);
    expect(await db.contact.count()).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({ active: false });
  });

  it("are written to a backup, as every table is", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement();
    await saveContact(contactInput(agreement.id), officer);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "contacts-backup-")), "backup.json");
    try {
      await writeBackup(file);
      const backup = JSON.parse(fs.readFileSync(file, "utf8")) as { tables: Record<string, Record<string, unknown>[]> };
      expect(backup.tables.Contact).toEqual([expect.objectContaining({ name: NAME, email: EMAIL, agreementId: agreement.id })]);
      expect(Object.keys(backup.tables)).toEqual(expect.arrayContaining(["ConfirmationRequest", "PartnerAnswer"]));
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
