// What personal data exists about a user, kind by kind (docs/data-protection.md): the one list
// both the export (right of access) and the erasure (right to erasure) walk, so a kind added here
// joins both. Each kind says what it exports and what erasure does to it; a kind that must stay
// as it is (the democratic record) says why instead.
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { decisionFieldsContaining, eraseDecisionFields, type ErasureContext } from "@/lib/decisions/erase-field";
import { lockKeys, resetLockKeys } from "@/lib/auth/sign-in-lock";
import { emailKey } from "@/lib/domain/sign-in-lock";
import { LINK_MESSAGE_KINDS } from "@/lib/notifications/send-outbox";

/** The person as they are before erasure: their rows are found by id and by email. */
export type DataSubject = { id: string; email: string; name: string };

/** What erasure puts in place of the person's name and email. */
export type Replacement = { name: string; email: string };

export type PersonalDataKind = {
  /** The key of this kind in the export (and in the erasure's counts). */
  key: string;
  export: (tx: Tx, subject: DataSubject) => Promise<unknown>;
  /** Erases or anonymises the kind's rows about the subject; returns how many rows changed. */
  erase: ((tx: Tx, subject: DataSubject, replacement: Replacement, context: ErasureContext) => Promise<number>) | { kept: string };
};

/** The sign-in lock's counters of the subject's email (for signing in and for reset links), not of any address. */
function signInCounterKeys(email: string): string[] {
  return [...lockKeys(email, null), ...resetLockKeys(email, null)].map(({ key }) => key).filter((key) => key.includes(emailKey(email)));
}

/** Every string in a JSON value with the subject's name and email replaced (audit details carry them). */
export function scrubbed(value: Prisma.JsonValue, subject: DataSubject, replacement: Replacement): Prisma.JsonValue {
  if (typeof value === "string") return scrubText(value, subject, replacement);
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, subject, replacement));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubbed(item ?? null, subject, replacement)]));
}

function scrubText(text: string, subject: DataSubject, replacement: Replacement): string {
  return text.replaceAll(subject.email, replacement.email).replaceAll(subject.name, replacement.name);
}

const DECISION_RECORD = "the decision record: it keeps the person's id (hashed in the decision chain), not their name, which erasure replaces";

/** The free text of a proposal, where its proposer or anyone else may have named the person. */
const PROPOSAL_TEXT = ["reason", "publicReason", "reference", "alternativesConsidered", "conflictsOfInterest", "backgroundPapers"] as const;

export const PERSONAL_DATA: readonly PersonalDataKind[] = [
  {
    key: "sessions",
    export: (tx, { id }) => tx.userSession.findMany({ where: { userId: id }, select: { createdAt: true, expiresAt: true }, orderBy: { createdAt: "asc" } }),
    erase: async (tx, { id }) => (await tx.userSession.deleteMany({ where: { userId: id } })).count,
  },
  {
    key: "recoveryCodes",
    // Only when they were made and used: the codes' hashes are not the person's to take away.
    export: (tx, { id }) => tx.recoveryCode.findMany({ where: { userId: id }, select: { createdAt: true, usedAt: true }, orderBy: { createdAt: "asc" } }),
    erase: async (tx, { id }) => (await tx.recoveryCode.deleteMany({ where: { userId: id } })).count,
  },
  {
    key: "singleUseLinks",
    export: (tx, { id }) => tx.singleUseLink.findMany({ where: { subjectId: id }, select: { purpose: true, createdAt: true, expiresAt: true, usedAt: true }, orderBy: { createdAt: "asc" } }),
    erase: async (tx, { id }) => (await tx.singleUseLink.deleteMany({ where: { subjectId: id } })).count,
  },
  {
    key: "importUploads",
    export: (tx, { id }) => tx.importUpload.findMany({ where: { userId: id }, select: { fileName: true, createdAt: true, expiresAt: true } }),
    erase: async (tx, { id }) => (await tx.importUpload.deleteMany({ where: { userId: id } })).count,
  },
  {
    key: "signInCounters",
    export: (tx, { email }) =>
      tx.signInCounter.findMany({ where: { key: { in: signInCounterKeys(email) } }, select: { key: true, failures: true, firstFailureAt: true, lastFailureAt: true, lockedUntil: true } }),
    erase: async (tx, { email }) => (await tx.signInCounter.deleteMany({ where: { key: { in: signInCounterKeys(email) } } })).count,
  },
  {
    key: "notificationPreferences",
    export: (tx, { id }) => tx.notificationPreference.findMany({ where: { userId: id }, select: { kind: true, enabled: true, updatedAt: true } }),
    erase: async (tx, { id }) => (await tx.notificationPreference.deleteMany({ where: { userId: id } })).count,
  },
  {
    key: "emails",
    export: async (tx, { id, email }) =>
      (
        await tx.outboxMessage.findMany({
          where: { OR: [{ recipientId: id }, { recipientEmail: email }] },
          select: { kind: true, recipientEmail: true, subject: true, textBody: true, status: true, createdAt: true, sentAt: true },
          orderBy: { createdAt: "asc" },
        })
      // Never the body of a message that carries a single-use link: the admin could use the link.
      ).map((message) => (message.kind in LINK_MESSAGE_KINDS ? { ...message, textBody: null } : message)),
    erase: async (tx, subject, replacement) => {
      const messages = await tx.outboxMessage.findMany({
        where: { OR: [{ recipientId: subject.id }, { recipientEmail: subject.email }] },
        select: { id: true, subject: true, status: true, lastError: true },
      });
      for (const message of messages) {
        await tx.outboxMessage.update({
          where: { id: message.id },
          data: {
            recipientEmail: replacement.email,
            subject: scrubText(message.subject, subject, replacement),
            textBody: "",
            htmlBody: "",
            // A mail server's refusal may quote the address.
            lastError: message.lastError === null ? null : scrubText(message.lastError, subject, replacement),
            // A message still waiting is not sent to a placeholder: it is given up.
            ...(message.status === "SENT" ? {} : { status: "FAILED" as const, nextAttemptAt: null }),
          },
        });
      }
      return messages.length;
    },
  },
  {
    key: "auditLog",
    export: async (tx, { id, email }) =>
      (
        await tx.auditLog.findMany({
          where: { OR: [{ actorId: id }, { actorEmail: email }, { entityType: "User", entityId: id }] },
          select: { id: true, createdAt: true, actorId: true, actorEmail: true, action: true, entityType: true, entityId: true, ip: true, details: true },
          orderBy: { createdAt: "asc" },
        })
      ).map((row) => ({ ...row, as: row.actorId === id || row.actorEmail === email ? "actor" : "subject" })),
    erase: async (tx, subject, replacement) => {
      const rows = await tx.auditLog.findMany({
        where: { OR: [{ actorId: subject.id }, { actorEmail: subject.email }, { entityType: "User", entityId: subject.id }] },
        select: { id: true, actorEmail: true, details: true },
      });
      for (const row of rows) {
        await tx.auditLog.update({
          where: { id: row.id },
          data: {
            ip: null,
            actorEmail: row.actorEmail === null ? null : scrubText(row.actorEmail, subject, replacement),
            details: row.details === null ? undefined : (scrubbed(row.details, subject, replacement) as Prisma.InputJsonValue),
          },
        });
      }
      return rows.length;
    },
  },
  {
    key: "decisions",
    export: (tx, { id }) => tx.decision.findMany({ where: { actorId: id }, select: { id: true, kind: true, agreementId: true, proposalId: true, createdAt: true }, orderBy: { sequence: "asc" } }),
    // The decisions stay (the democratic record, by the person's id); any free-text field that names
    // them is erased, its digest left so the chain still verifies (lib/decisions/erase-field.ts).
    erase: async (tx, subject, _replacement, context) => {
      const needles = [subject.name, subject.email];
      const erased = await eraseDecisionFields(tx, await decisionFieldsContaining(tx, needles), context);
      // A translation of a public reason that names them (the English is erased above when it does).
      const translations = await tx.decisionTranslation.findMany({ select: { decisionId: true, locale: true, publicReason: true } });
      const naming = translations.filter((row) => needles.some((needle) => row.publicReason.includes(needle)));
      for (const { decisionId, locale } of naming) await tx.decisionTranslation.delete({ where: { decisionId_locale: { decisionId, locale } } });
      return erased + naming.length;
    },
  },
  {
    key: "proposals",
    export: (tx, { id }) => tx.proposal.findMany({ where: { proposerId: id }, select: { id: true, kind: true, state: true, agreementId: true, createdAt: true, closedAt: true }, orderBy: { createdAt: "asc" } }),
    // Proposals stay, with their proposer's id; their text (not hashed in the chain) has the person's name and email replaced.
    erase: async (tx, subject, replacement) => {
      const text = [...PROPOSAL_TEXT.map((field) => `coalesce("${field}", '')`), `coalesce("changes"::text, '')`].join(` || E'\\n' || `);
      const ids = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id"::text AS "id" FROM "Proposal" WHERE strpos(${text}, $1) > 0 OR strpos(${text}, $2) > 0`, subject.name, subject.email);
      const naming = await tx.proposal.findMany({
        where: { id: { in: ids.map((row) => row.id) } },
        select: { id: true, changes: true, ...Object.fromEntries(PROPOSAL_TEXT.map((field) => [field, true])) },
      });
      for (const proposal of naming) {
        const text = proposal as unknown as Record<(typeof PROPOSAL_TEXT)[number], string | null>;
        await tx.proposal.update({
          where: { id: proposal.id },
          data: {
            ...Object.fromEntries(PROPOSAL_TEXT.map((field) => [field, text[field] === null ? null : scrubText(text[field], subject, replacement)])),
            ...(proposal.changes === null ? {} : { changes: scrubbed(proposal.changes, subject, replacement) as Prisma.InputJsonValue }),
          },
        });
      }
      return naming.length;
    },
  },
  {
    key: "reviews",
    export: (tx, { id }) => tx.agreementReview.findMany({ where: { reviewedById: id }, select: { id: true, agreementId: true, outcome: true, nextReviewDate: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
    erase: { kept: DECISION_RECORD },
  },
  {
    key: "agreements",
    export: async (tx, { id }) =>
      (
        await tx.agreement.findMany({ where: { OR: [{ createdById: id }, { leadOfficerId: id }] }, select: { id: true, title: true, createdById: true, leadOfficerId: true, createdAt: true } })
      ).map(({ createdById, leadOfficerId, ...agreement }) => ({ ...agreement, created: createdById === id, leadOfficer: leadOfficerId === id })),
    erase: { kept: "the council's record of its links: it keeps the person's id, whose name erasure replaces" },
  },
  {
    key: "exchanges",
    export: (tx, { id }) => tx.exchange.findMany({ where: { createdById: id }, select: { id: true, agreementId: true, kind: true, startDate: true, createdAt: true } }),
    erase: { kept: "the council's record of its exchanges: it keeps the person's id, whose name erasure replaces" },
  },
  {
    key: "events",
    export: (tx, { id }) =>
      tx.event.findMany({ where: { OR: [{ createdById: id }, { cancelledById: id }] }, select: { id: true, title: true, startsAt: true, createdById: true, cancelledById: true, createdAt: true } }),
    erase: { kept: "the council's record of its events: it keeps the person's id, whose name erasure replaces" },
  },
  {
    key: "publishedReports",
    export: (tx, { id }) => tx.publishedReport.findMany({ where: { publishedById: id }, select: { year: true, publishedAt: true }, orderBy: { year: "asc" } }),
    erase: { kept: "who published an annual report: it keeps the person's id, whose name erasure replaces" },
  },
  // A contact of a link (issue 23) is found by email: the same person may also have an account.
  // First the answers they gave as a partner: found through the contact that the next kind deletes.
  {
    key: "partnerAnswers",
    export: (tx, { email }) =>
      tx.partnerAnswer.findMany({
        where: { request: { contact: { email: email.toLowerCase() } } },
        select: { id: true, agreementId: true, answer: true, reference: true, contactName: true, contactOrganisation: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      }),
    // The answer stays (a council's decision, in the chain); who gave it is replaced. The organisation is the council's, not the person's.
    erase: async (tx, { email }, replacement) => {
      const answers = await tx.partnerAnswer.findMany({ where: { request: { contact: { email: email.toLowerCase() } } }, select: { id: true } });
      const { count } = await tx.partnerAnswer.updateMany({ where: { id: { in: answers.map((answer) => answer.id) } }, data: { contactName: replacement.name } });
      return count;
    },
  },
  {
    key: "contacts",
    export: (tx, { email }) =>
      tx.contact.findMany({
        where: { email: email.toLowerCase() },
        select: { id: true, agreementId: true, name: true, organisation: true, role: true, email: true, phone: true, preferredLanguage: true, notes: true, createdAt: true, updatedAt: true },
        orderBy: { createdAt: "asc" },
      }),
    // Deleted: a link's requests sent to them stay without them, and their links stop working.
    erase: async (tx, { email }) => (await tx.contact.deleteMany({ where: { email: email.toLowerCase() } })).count,
  },
  // Last: the kinds above find the person's rows by the email this one replaces.
  {
    key: "account",
    export: async (tx, { id }) => {
      const user = await tx.user.findUnique({
        where: { id },
        select: { id: true, email: true, name: true, role: true, active: true, language: true, createdAt: true, updatedAt: true, twoStepEnabledAt: true, ssoIssuer: true, ssoSubject: true, ssoBoundAt: true },
      });
      // Never the password's hash nor the two-step secret: they are keys, not information about the person.
      return user;
    },
    erase: async (tx, { id }, replacement) => {
      // A contact with no account (NO_ACCOUNT): nothing to erase here.
      const { count } = await tx.user.updateMany({
        where: { id },
        data: {
          name: replacement.name,
          email: replacement.email,
          active: false,
          // Not a hash any password matches (lib/auth/password.ts verifyPassword refuses it).
          passwordHash: "erased",
          twoStepSecret: null,
          twoStepEnabledAt: null,
          twoStepLastStep: null,
          ssoIssuer: null,
          ssoSubject: null,
          ssoBoundAt: null,
          sessionVersion: { increment: 1 },
        },
      });
      return count;
    },
  },
];

/** The id of a person who has no account (a contact of a link): it matches no row keyed by a user's id. */
export const NO_ACCOUNT = "00000000-0000-0000-0000-000000000000";

/**
 * The person an email names: the user with that email if there is one, else a contact of a link
 * with it (by the name of their latest contact row), else null. One subject, so the same kinds
 * export and erase an officer and a partner's contact alike.
 */
export async function subjectByEmail(tx: Tx, emailInput: string): Promise<(DataSubject & { hasAccount: boolean }) | null> {
  const email = emailInput.trim().toLowerCase();
  const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (user) return { ...user, hasAccount: true };
  const contact = await tx.contact.findFirst({ where: { email }, orderBy: { updatedAt: "desc" }, select: { name: true } });
  return contact ? { id: NO_ACCOUNT, email, name: contact.name, hasAccount: false } : null;
}

/** Everything held about the subject, kind by kind. */
export async function collectPersonalData(tx: Tx, subject: DataSubject): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  for (const kind of PERSONAL_DATA) data[kind.key] = await kind.export(tx, subject);
  return data;
}

/** Erases every kind that can be; returns the rows changed per kind. */
export async function erasePersonalData(tx: Tx, subject: DataSubject, replacement: Replacement, context: ErasureContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const kind of PERSONAL_DATA) if (typeof kind.erase === "function") counts[kind.key] = await kind.erase(tx, subject, replacement, context);
  return counts;
}
