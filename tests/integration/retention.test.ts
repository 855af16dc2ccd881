// The retention schedule (issue 22 item 2) on both databases: the daily job clears audit-log
// addresses, the bodies of sent emails, exchange participant descriptions and failed sign-ins, and
// deletes the photos of a link that ended (issue 23), after the council's periods, once a day, and
// audits what it did. The clock is injected (`now`) and every row's time is set from it, so the test holds on any day (also under faketime).
import { beforeEach, describe, expect, it } from "vitest";
import { updateSettings } from "@/lib/admin/update-settings";
import { db } from "@/lib/db";
import { settingsSchema } from "@/lib/domain/validation/admin";
import { appendDecision } from "@/lib/decisions/chain";
import { applyRetention } from "@/lib/jobs/retention";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { createAdmin, createAgreement, createStaff, resetDatabase } from "../helpers/database";

const DAY = 24 * 60 * 60 * 1000;
/** "Now" for the job: a fixed instant, so calendar months are the same on every run. */
const NOW = new Date("2026-06-15T03:00:00.000Z");
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY);
/** The day `months` calendar months before NOW, as a date column holds it. */
const monthsBefore = (months: number, extraDays = 0) => new Date(Date.UTC(2026, 5 - months, 15 - extraDays));

beforeEach(resetDatabase);

async function audit(action: string, createdAt: Date, actorEmail: string | null = "someone@test.example") {
  return db.auditLog.create({ data: { action, createdAt, actorEmail, ip: "203.0.113.7" }, select: { id: true } });
}

async function email(status: "SENT" | "FAILED" | "PENDING", at: Date, nextAttemptAt: Date | null = null) {
  return db.outboxMessage.create({
    data: {
      kind: "PROPOSAL_NEW",
      recipientEmail: "councillor@test.example",
      subject: "A proposal",
      textBody: "Dear Councillor Jones",
      htmlBody: "<p>Dear Councillor Jones</p>",
      status,
      sentAt: status === "SENT" ? at : null,
      createdAt: at,
      nextAttemptAt,
      dedupeKey: `retention-test:${Math.random()}`,
    },
    select: { id: true },
  });
}

async function exchange(startDate: Date, endDate: Date | null) {
  const officer = await createStaff();
  const agreement = await createAgreement({ createdBy: officer });
  return db.exchange.create({
    data: { agreementId: agreement.id, kind: "SCHOOL_OR_YOUTH_EXCHANGE", direction: "OUTBOUND", startDate, endDate, participantsDescription: "Year 9 pupils, with Ms Evans", createdById: officer.id },
    select: { id: true },
  });
}

describe("the retention schedule with the default periods", () => {
  it("clears audit-log addresses after 13 months, keeping the rows", async () => {
    const old = await audit("agreement.edit", monthsBefore(13, 1));
    const recent = await audit("agreement.edit", monthsBefore(12));
    const result = await applyRetention(NOW);
    expect(result).toMatchObject({ ran: true, auditAddresses: 1 });
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ ip: null, action: "agreement.edit", actorEmail: "someone@test.example" });
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: recent.id } })).ip).toBe("203.0.113.7");
  });

  it("empties the bodies of emails sent or given up more than 90 days ago, not of those still to send", async () => {
    const sentLongAgo = await email("SENT", daysBefore(91));
    const sentRecently = await email("SENT", daysBefore(89));
    const givenUp = await email("FAILED", daysBefore(91), null);
    const retrying = await email("FAILED", daysBefore(91), NOW);
    const pending = await email("PENDING", daysBefore(91), NOW);
    expect(await applyRetention(NOW)).toMatchObject({ emailBodies: 2 });
    const body = async (id: string) => db.outboxMessage.findUniqueOrThrow({ where: { id }, select: { textBody: true, htmlBody: true, subject: true } });
    expect(await body(sentLongAgo.id)).toEqual({ textBody: "", htmlBody: "", subject: "A proposal" });
    expect(await body(givenUp.id)).toMatchObject({ textBody: "", htmlBody: "" });
    for (const kept of [sentRecently, retrying, pending]) expect((await body(kept.id)).textBody).toBe("Dear Councillor Jones");
  });

  it("anonymises participant descriptions 12 months after the exchange ended (or began, with no end)", async () => {
    const ended = await exchange(monthsBefore(14), monthsBefore(12));
    const endedRecently = await exchange(monthsBefore(14), monthsBefore(11));
    const oneDay = await exchange(monthsBefore(13), null);
    expect(await applyRetention(NOW)).toMatchObject({ participants: 2 });
    const description = async (id: string) => (await db.exchange.findUniqueOrThrow({ where: { id } })).participantsDescription;
    expect(await description(ended.id)).toBe("");
    expect(await description(oneDay.id)).toBe("");
    expect(await description(endedRecently.id)).toBe("Year 9 pupils, with Ms Evans");
  });

  it("clears the email and address of failed sign-ins after 30 days, not of other rows", async () => {
    const failed = await audit("auth.sign-in-failed", daysBefore(31), "guess@test.example");
    const locked = await audit("auth.sign-in-locked", daysBefore(31), "guess@test.example");
    const failedRecently = await audit("auth.sign-in-failed", daysBefore(29), "guess@test.example");
    const signedIn = await audit("auth.sign-in", daysBefore(31), "officer@test.example");
    expect(await applyRetention(NOW)).toMatchObject({ failedSignIns: 2 });
    const row = async (id: string) => db.auditLog.findUniqueOrThrow({ where: { id }, select: { actorEmail: true, ip: true } });
    expect(await row(failed.id)).toEqual({ actorEmail: null, ip: null });
    expect(await row(locked.id)).toEqual({ actorEmail: null, ip: null });
    expect(await row(failedRecently.id)).toEqual({ actorEmail: "guess@test.example", ip: "203.0.113.7" });
    expect(await row(signedIn.id)).toEqual({ actorEmail: "officer@test.example", ip: "203.0.113.7" });
  });
});

describe("the retention job", () => {
  it("runs with the other jobs once a day and records its counts in the audit log and its job run", async () => {
    await audit("agreement.edit", monthsBefore(14));
    await email("SENT", daysBefore(100));
    const first = await runDueJobs({ transport: null, now: NOW });
    expect(first.errors).toEqual([]);
    expect(first.retention).toEqual({ ran: true, period: "2026-06-15", auditAddresses: 1, emailBodies: 1, participants: 0, failedSignIns: 0, contacts: 0, photos: 0 });
    // A second round the same day (another machine, or the next minute) does nothing.
    await audit("agreement.edit", monthsBefore(14));
    expect((await runDueJobs({ transport: null, now: new Date(NOW.getTime() + 60_000) })).retention).toEqual({ ran: false, period: "2026-06-15" });
    expect(await db.auditLog.count({ where: { ip: { not: null } } })).toBe(1);
    const [row] = await db.auditLog.findMany({ where: { action: "retention.applied" } });
    expect(row).toMatchObject({ actorEmail: "scheduled jobs", details: { auditAddresses: 1, emailBodies: 1, participants: 0, failedSignIns: 0, contacts: 0, photos: 0 } });
    expect(await db.jobRun.findUnique({ where: { job_period: { job: "retention", period: "2026-06-15" } } })).toMatchObject({ details: { auditAddresses: 1 } });
    // The next day it runs again and clears what has come due.
    expect(await applyRetention(new Date(NOW.getTime() + DAY))).toMatchObject({ ran: true, auditAddresses: 1 });
  });

  it("follows the periods an admin sets on /admin/settings", async () => {
    const admin = await createAdmin();
    const settings = settingsSchema.parse({
      ...{ councilName: "Testford", approvalsNeeded: "1", dormancyMonths: "24", openDataLicence: "OGL", reminderDays: "7", twoStepRequiredFor: "NOBODY" },
      ...{ auditAddressMonths: "1", sentEmailDays: "7", participantsMonths: "2", failedSignInDays: "1" },
    });
    await updateSettings(settings, admin);
    await audit("agreement.edit", daysBefore(40));
    await audit("auth.sign-in-failed", daysBefore(2), "guess@test.example");
    await email("SENT", daysBefore(8));
    await exchange(monthsBefore(4), monthsBefore(3));
    expect(await applyRetention(NOW)).toEqual({ ran: true, period: "2026-06-15", auditAddresses: 1, emailBodies: 1, participants: 1, failedSignIns: 1, contacts: 0, photos: 0 });
  });

  it("refuses a period outside its range, naming the field", () => {
    const parsed = settingsSchema.safeParse({ councilName: "Testford", approvalsNeeded: "1", dormancyMonths: "24", openDataLicence: "OGL", reminderDays: "7", twoStepRequiredFor: "NOBODY", sentEmailDays: "0" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain("Keep the text of sent emails for (days)");
  });
});

/** A link terminated at `endedAt` (its status decision's time). */
async function terminatedAt(endedAt: Date) {
  const officer = await createStaff();
  const agreement = await createAgreement({ createdBy: officer });
  await db.$transaction(async (tx) => {
    const decision = await appendDecision(tx, { agreementId: agreement.id, kind: "STATUS_CHANGED", actorId: officer.id, fromStatus: "ACTIVE", toStatus: "TERMINATED", reason: "Ended", createdAt: endedAt });
    await tx.agreement.update({ where: { id: agreement.id }, data: { status: "TERMINATED", statusDecisionId: decision.id } });
  });
  return { agreement, officer };
}

/** A stored document of `type` on the link: its bytes (one piece, written in SQL) under `sha256`. */
async function document(agreementId: string, type: "PHOTO" | "CHARTER", sha256: string, proposalId: string | null = null) {
  if (!(await db.storedFile.findUnique({ where: { sha256 } }))) {
    await db.storedFile.create({ data: { sha256, size: 3 } });
    await db.$executeRaw`INSERT INTO "StoredFileChunk" ("sha256", "part", "bytes") VALUES (${sha256}, 0, decode('ffd8ff', 'hex'))`;
  }
  return db.document.create({
    data: { agreementId, sha256, type, title: `${type} ${sha256.slice(0, 4)}`, fileName: "a.jpg", mediaType: "image/jpeg", size: 3, altText: type === "PHOTO" ? "Pupils on an exchange" : null, proposalId },
    select: { id: true },
  });
}

const hash = (digit: string) => digit.repeat(64);

describe("photos under the retention schedule", () => {
  it("are deleted with their bytes 12 months (the default) after the link ended; a decided proposal's paper, other documents and living links keep theirs", async () => {
    const { agreement: ended, officer } = await terminatedAt(monthsBefore(12, 1));
    const { agreement: endedRecently } = await terminatedAt(monthsBefore(11));
    const living = await createAgreement({ createdBy: officer });
    const photo = await document(ended.id, "PHOTO", hash("a"));
    // The same bytes as a charter of the same link (content-addressed): the photo goes, the bytes stay.
    const sharedPhoto = await document(ended.id, "PHOTO", hash("b"));
    const charter = await document(ended.id, "CHARTER", hash("b"));
    const decided = await db.proposal.create({ data: { agreementId: ended.id, kind: "TERMINATION", state: "APPROVED", proposerId: officer.id, reason: "Ending the link" }, select: { id: true } });
    const paper = await document(ended.id, "PHOTO", hash("c"), decided.id);
    const recent = await document(endedRecently.id, "PHOTO", hash("d"));
    const alive = await document(living.id, "PHOTO", hash("e"));

    const result = await applyRetention(NOW);
    expect(result).toMatchObject({ ran: true, photos: 2 });
    const left = new Set((await db.document.findMany({ select: { id: true } })).map((row) => row.id));
    expect([photo.id, sharedPhoto.id].filter((id) => left.has(id))).toEqual([]);
    expect([charter.id, paper.id, recent.id, alive.id].every((id) => left.has(id))).toBe(true);
    // The photo's own bytes and pieces are gone; the shared and the kept ones stay.
    expect((await db.storedFile.findMany({ select: { sha256: true }, orderBy: { sha256: "asc" } })).map((row) => row.sha256[0])).toEqual(["b", "c", "d", "e"]);
    expect(await db.storedFileChunk.count({ where: { sha256: hash("a") } })).toBe(0);
    const [audit] = await db.auditLog.findMany({ where: { action: "retention.applied" } });
    expect(audit?.details).toMatchObject({ photos: 2 });
  });

  it("follow the period an admin sets (\"Photos kept for\")", async () => {
    const admin = await createAdmin();
    await updateSettings(settingsSchema.parse({ councilName: "Testford", approvalsNeeded: "1", dormancyMonths: "24", openDataLicence: "OGL", reminderDays: "7", twoStepRequiredFor: "NOBODY", photosMonths: "2" }), admin);
    const { agreement } = await terminatedAt(monthsBefore(3));
    await document(agreement.id, "PHOTO", hash("f"));
    expect(await applyRetention(NOW)).toMatchObject({ photos: 1 });
    expect(settingsSchema.safeParse({ councilName: "Testford", approvalsNeeded: "1", dormancyMonths: "24", openDataLicence: "OGL", reminderDays: "7", twoStepRequiredFor: "NOBODY", photosMonths: "0" }).error?.issues[0]?.message).toContain("Photos kept for");
  });
});
