// A person's rights (issue 22 item 3) on both databases: an admin exports everything held about a
// user (each kind of lib/admin/personal-data.ts) and erases it; afterwards the name and email are
// nowhere in the database, the decisions they made keep their actor id and the decision chain
// still verifies; the last admin cannot be erased; both are audited.
import { beforeEach, describe, expect, it } from "vitest";
import { eraseUser } from "@/lib/admin/erase-user";
import { exportUserData } from "@/lib/admin/export-user-data";
import { PERSONAL_DATA } from "@/lib/admin/personal-data";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { appendDecision, verifyDecisionChain } from "@/lib/decisions/chain";
import { REFUSED } from "@/lib/domain/errors";
import { emailKey } from "@/lib/domain/sign-in-lock";
import { issueLink } from "@/lib/links/single-use-link";
import { createAdmin, createAgreement, createStaff, resetDatabase, TEST_PASSWORD, type TestUser } from "../helpers/database";
import { rowsContaining } from "../helpers/dump";
import { refusal } from "../helpers/outcomes";

const NOW = new Date("2026-06-15T09:00:00.000Z");
const NAME = "Gwenllian Ap-Erasable";

beforeEach(resetDatabase);

/** A person with a row of every kind of personal data the office keeps. */
async function personWithData(): Promise<{ person: TestUser; agreementId: string }> {
  const person = await createStaff({ name: NAME, email: "gwenllian.erasable@test.example" });
  const agreement = await createAgreement({ createdBy: person });
  await createSession(person.id, NOW);
  await db.recoveryCode.create({ data: { userId: person.id, codeHash: "a".repeat(64) } });
  await db.$transaction((tx) => issueLink(tx, "password-reset", person.id, NOW));
  await db.importUpload.create({ data: { id: crypto.randomUUID(), userId: person.id, state: {}, fileName: `${NAME} links.csv`, expiresAt: NOW } });
  await db.signInCounter.create({ data: { key: emailKey(person.email), failures: 2 } });
  await db.notificationPreference.create({ data: { userId: person.id, kind: "WEEKLY_DIGEST", enabled: false } });
  await db.outboxMessage.create({
    data: { kind: "WEEKLY_DIGEST", recipientId: person.id, recipientEmail: person.email, subject: "This week", textBody: `Dear ${NAME}`, htmlBody: `<p>Dear ${NAME}</p>`, status: "SENT", sentAt: NOW, dedupeKey: "digest:test" },
  });
  await db.outboxMessage.create({
    data: { kind: "PASSWORD_RESET", recipientId: person.id, recipientEmail: person.email, subject: "Reset your password", textBody: "https://example.test/password-reset/live-token", htmlBody: "<p>live-token</p>", dedupeKey: "reset:test" },
  });
  await db.auditLog.create({ data: { actorId: person.id, actorEmail: person.email, action: "agreement.edit", ip: "203.0.113.9", details: { note: `edited by ${NAME}` } } });
  await db.auditLog.create({ data: { actorEmail: "admin@test.example", action: "user.create", entityType: "User", entityId: person.id, ip: "198.51.100.1", details: { email: person.email } } });
  await db.auditLog.create({ data: { actorEmail: person.email, action: "auth.sign-in-failed", ip: "203.0.113.9" } });
  await db.proposal.create({ data: { agreementId: agreement.id, kind: "SUSPENSION", proposerId: person.id, reason: "A test proposal" } });
  // A colleague's decision that names them, in its reasons and a translation, its proposal too.
  const colleague = await createStaff();
  const proposal = await db.proposal.create({ data: { agreementId: agreement.id, kind: "SUSPENSION", proposerId: colleague.id, reason: `Discussed with ${NAME} by phone`, alternativesConsidered: `Asking ${NAME} again` } });
  const named = await db.$transaction((tx) =>
    appendDecision(tx, { agreementId: agreement.id, proposalId: proposal.id, kind: "PROPOSED", actorId: colleague.id, reason: `Discussed with ${NAME} by phone`, publicReason: `Paused at the request of ${NAME}.`, reference: "Cabinet 2026/7" }),
  );
  await db.decisionTranslation.create({ data: { decisionId: named.id, locale: "cy", publicReason: `Wedi'i oedi ar gais ${NAME}.` } });
  return { person, agreementId: agreement.id };
}

describe("exporting a person's data", () => {
  it("holds every kind, never the password hash or the two-step secret, and is audited", async () => {
    const admin = await createAdmin();
    const { person } = await personWithData();
    const data = await exportUserData(person.id, admin, { now: NOW });
    expect(Object.keys(data)).toEqual(["exportedAt", "userId", ...PERSONAL_DATA.map((kind) => kind.key)]);
    expect(data).toMatchObject({
      exportedAt: NOW.toISOString(),
      account: { id: person.id, name: NAME, email: person.email, role: "STAFF" },
      decisions: [{ kind: "IMPORTED" }],
      proposals: [{ kind: "SUSPENSION", state: "OPEN" }],
      agreements: [{ created: true, leadOfficer: true }],
      notificationPreferences: [{ kind: "WEEKLY_DIGEST", enabled: false }],
      // A reset link still to be sent is not shown to the admin, who could use it.
      emails: [{ subject: "This week", textBody: `Dear ${NAME}` }, { kind: "PASSWORD_RESET", textBody: null }],
      signInCounters: [{ failures: 2 }],
      importUploads: [{ fileName: `${NAME} links.csv` }],
    });
    for (const key of ["sessions", "recoveryCodes", "singleUseLinks"]) expect(data[key]).toHaveLength(1);
    expect((data.auditLog as { action: string; as: string }[]).map(({ action, as }) => `${action} ${as}`).sort()).toEqual(["agreement.edit actor", "auth.sign-in-failed actor", "user.create subject"]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("a".repeat(64));
    expect(text).not.toContain("live-token");
    expect(await db.auditLog.count({ where: { action: "user.export", actorId: admin.id, entityId: person.id } })).toBe(1);
  });
});

describe("erasing a person", () => {
  it("leaves their name and email nowhere in the database, their decisions in place and the chain verifying", async () => {
    const admin = await createAdmin();
    const { person } = await personWithData();
    expect((await rowsContaining(NAME)).length).toBeGreaterThan(0);
    const decisionsBefore = await db.decision.findMany({ orderBy: { sequence: "asc" }, select: { id: true, hash: true } });

    expect(await eraseUser(person.id, admin)).toEqual({ confirmation: "user.erased" });

    expect(await rowsContaining(NAME)).toEqual([]);
    expect(await rowsContaining(person.email)).toEqual([]);
    expect(await rowsContaining("203.0.113.9")).toEqual([]);
    const user = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(user).toMatchObject({ name: "Former user 1", email: `former-user-${person.id}@erased.invalid`, active: false, ssoSubject: null, twoStepSecret: null });
    expect(await verifyPassword(user.passwordHash, TEST_PASSWORD)).toBe(false);
    for (const count of [db.userSession.count(), db.recoveryCode.count(), db.singleUseLink.count(), db.importUpload.count(), db.signInCounter.count(), db.notificationPreference.count()]) {
      expect(await count).toBe(0);
    }
    const emails = await db.outboxMessage.findMany({ orderBy: { kind: "asc" }, select: { kind: true, recipientId: true, textBody: true, htmlBody: true, status: true, nextAttemptAt: true } });
    // The digest stays a sent message; the reset link still waiting is given up: nothing is sent to the placeholder.
    expect(emails).toEqual([
      { kind: "WEEKLY_DIGEST", recipientId: person.id, textBody: "", htmlBody: "", status: "SENT", nextAttemptAt: expect.any(Date) },
      { kind: "PASSWORD_RESET", recipientId: person.id, textBody: "", htmlBody: "", status: "FAILED", nextAttemptAt: null },
    ]);
    // The decision record keeps the same rows and the same hashes; the two fields that named them
    // are erased (their digests stay), the rest of the decision is as it was, and the chain verifies.
    expect(await db.decision.findMany({ orderBy: { sequence: "asc" }, select: { id: true, hash: true } })).toEqual(decisionsBefore);
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: true, count: decisionsBefore.length, erased: 2 });
    const named = await db.decision.findFirstOrThrow({ where: { kind: "PROPOSED" }, include: { fields: { orderBy: { field: "asc" } }, translations: true } });
    expect(named).toMatchObject({ reason: null, publicReason: null, reference: "Cabinet 2026/7", translations: [] });
    expect(named.fields.map(({ field, salt, erasedById, erasureReason }) => ({ field, salt, erasedById, erasureReason }))).toEqual([
      { field: "publicReason", salt: null, erasedById: admin.id, erasureReason: "Right to erasure: Former user 1" },
      { field: "reason", salt: null, erasedById: admin.id, erasureReason: "Right to erasure: Former user 1" },
      { field: "reference", salt: expect.stringMatching(/^[0-9a-f]{64}$/), erasedById: null, erasureReason: null },
    ]);
    expect(await db.proposal.findMany({ where: { reason: { not: "A test proposal" } }, select: { reason: true, alternativesConsidered: true } })).toEqual([{ reason: "", alternativesConsidered: "Asking Former user 1 again" }]);
    expect((await db.auditLog.findMany({ where: { action: "decision.erase-field" }, orderBy: { createdAt: "asc" } })).map((row) => [row.actorId, row.entityId, row.details])).toEqual([
      [admin.id, named.id, { field: "reason", why: "Right to erasure: Former user 1" }],
      [admin.id, named.id, { field: "publicReason", why: "Right to erasure: Former user 1" }],
    ]);
    const [audit] = await db.auditLog.findMany({ where: { action: "user.erase" } });
    expect(audit).toMatchObject({ actorId: admin.id, entityId: person.id, details: { formerUser: "Former user 1", rows: { sessions: 1, account: 1, decisions: 2, proposals: 1 } } });
  });

  it("numbers former users, does nothing to one already erased, and refuses the last admin and an unknown user", async () => {
    const admin = await createAdmin();
    const first = await createStaff();
    const second = await createStaff();
    await eraseUser(first.id, admin);
    await eraseUser(second.id, admin);
    await eraseUser(first.id, admin);
    expect((await db.user.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { name: "asc" } })).map((user) => user.name)).toEqual(["Former user 1", "Former user 2"]);
    expect(await db.auditLog.count({ where: { action: "user.erase" } })).toBe(2);

    expect((await refusal(eraseUser(admin.id, admin))).message).toBe(REFUSED.lastAdmin);
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ name: admin.name, active: true });
    expect((await refusal(eraseUser(crypto.randomUUID(), admin))).code).toBe("NOT_FOUND");
    // A second admin may be erased (by themselves, even): their own audit row names no old email.
    const other = await createAdmin();
    await eraseUser(other.id, other);
    expect(await rowsContaining(other.email)).toEqual([]);
  });

  it("refuses anyone but an admin", async () => {
    const officer = await createStaff();
    const { person } = await personWithData();
    await expect(eraseUser(person.id, officer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportUserData(person.id, officer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
