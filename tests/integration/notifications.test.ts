// Email notifications against a real database and a real SMTP server (smtp-server, in-process):
// the transactional outbox, the sender's claim/retry/lease, scheduled jobs run once per period,
// preferences, and the count of proposals awaiting a councillor's decision.
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyCommand } from "@/lib/agreements/apply-command";
import { createDraft } from "@/lib/agreements/create-draft";
import { decideProposal } from "@/lib/agreements/decide-proposal";
import { countAwaitingDecision } from "@/lib/data/notifications";
import { db } from "@/lib/db";
import { RETENTION_JOB } from "@/lib/jobs/retention";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { enqueueReminders } from "@/lib/jobs/reminders";
import { runWeeklyDigest } from "@/lib/jobs/weekly-digest";
import { enqueueProposalCreated } from "@/lib/notifications/enqueue";
import { preferencesSchema } from "@/lib/notifications/preferences-schema";
import { backoffMs, claimDueMessages, LEASE_MS, sendOutbox } from "@/lib/notifications/send-outbox";
import { escapeHtml } from "@/lib/notifications/templates";
import { updatePreferences } from "@/lib/notifications/update-preferences";
import type { Actor } from "@/lib/domain/permissions";
import { commandSchema, voteSchema } from "@/lib/domain/validation/agreement";
import { backend, createAgreement, createCouncillor, createStaff, draftInput, resetDatabase } from "../helpers/database";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

// ---------------------------------------------------------------------------------------------
// A real SMTP server in this process. `failNext` makes it refuse the next N messages (a 451).

let smtp: TestSmtpServer;
/** The server refuses this many of the next messages with a 451. */
let failNext = 0;

beforeAll(async () => {
  smtp = await startSmtpServer(() => {
    if (failNext === 0) return;
    failNext -= 1;
    return Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 });
  });
});

afterAll(async () => {
  await smtp.close();
});

function smtpTransport() {
  return nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true });
}

beforeEach(async () => {
  await resetDatabase();
  smtp.received.length = 0;
  failNext = 0;
});

// ---------------------------------------------------------------------------------------------

async function submit(staff: Actor, partnerName?: string) {
  const { id } = await createDraft(draftInput(partnerName ? { partnerName } : {}), staff);
  const { proposalId } = await applyCommand(commandSchema.parse({ agreementId: id, version: 1, command: "submit", reason: "Schools want to exchange <b>pupils</b> & teachers" }), staff);
  return { agreementId: id, proposalId: proposalId! };
}

async function outbox() {
  return db.outboxMessage.findMany({ orderBy: [{ createdAt: "asc" }, { recipientEmail: "asc" }] });
}

/**
 * The test clock for the sender: the moment the only queued message fell due. It was stamped by
 * the database's clock, which is not this process's on a PostgreSQL server, so a test never
 * compares it with a date of its own.
 */
async function queuedAt(): Promise<Date> {
  const [message, ...others] = await outbox();
  expect(others).toHaveLength(0);
  return message!.nextAttemptAt!;
}

describe(`the transactional outbox (${backend()})`, () => {
  it("a new proposal queues exactly one email to each active councillor, none to the proposer or anyone else", async () => {
    const staff = await createStaff();
    await createStaff();
    const [first, second] = [await createCouncillor(), await createCouncillor()];
    await createCouncillor({ active: false });
    const { proposalId } = await submit(staff, "Saint-Étienne <script>alert(1)</script>");

    const messages = await outbox();
    expect(messages.map((message) => message.recipientEmail).sort()).toEqual([first.email, second.email].sort());
    expect(new Set(messages.map((message) => message.recipientId))).toEqual(new Set([first.id, second.id]));
    for (const message of messages) {
      expect(message.kind).toBe("PROPOSAL_NEW");
      expect(message.status).toBe("PENDING");
      expect(message.dedupeKey).toBe(`proposal-new:${proposalId}:${message.recipientId}`);
      expect(message.textBody).toContain("Saint-Étienne <script>alert(1)</script>");
      expect(message.textBody).toContain("/approvals");
      expect(message.textBody).toContain("/account");
      // User text is escaped in the HTML part.
      expect(message.htmlBody).not.toContain("<script>");
      expect(message.htmlBody).toContain(escapeHtml("Saint-Étienne <script>alert(1)</script>"));
      expect(message.htmlBody).toContain("Schools want to exchange &lt;b&gt;pupils&lt;/b&gt; &amp; teachers");
      expect(message.htmlBody).toMatch(/<html lang="en-GB">/);
    }
  });

  it("a transaction that fails after queueing leaves no outbox row (the message exists only with its cause)", async () => {
    const staff = await createStaff();
    await createCouncillor();
    const { proposalId } = await submit(staff);
    await db.outboxMessage.deleteMany();
    await expect(
      db.$transaction(async (tx) => {
        expect(await enqueueProposalCreated(tx, proposalId)).toBe(1);
        throw new Error("the change failed after its message was queued");
      }),
    ).rejects.toThrow(/change failed/);
    expect(await db.outboxMessage.count()).toBe(0);

    // And a refused command (stale version) queues nothing.
    const { id } = await createDraft(draftInput(), staff);
    await expect(applyCommand(commandSchema.parse({ agreementId: id, version: 99, command: "submit", reason: "Stale" }), staff)).rejects.toThrow();
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("a decision reached tells the proposer and the lead officer once each", async () => {
    const staff = await createStaff();
    const lead = await createStaff();
    const councillor = await createCouncillor();
    const { agreementId, proposalId } = await submit(staff);
    await db.agreement.update({ where: { id: agreementId }, data: { leadOfficerId: lead.id } });
    await db.outboxMessage.deleteMany();

    await decideProposal(voteSchema.parse({ proposalId, decision: "reject", reason: "Not this year" }), councillor);
    const messages = await outbox();
    expect(messages.map((message) => message.recipientId).sort()).toEqual([staff.id, lead.id].sort());
    expect(messages.every((message) => message.kind === "DECISION_REACHED" && message.subject.startsWith("Rejected"))).toBe(true);
    expect(messages[0]!.textBody).toContain("Not this year");
  });
});

describe(`the sender (${backend()})`, () => {
  it("with no SMTP configured, messages stay PENDING in the outbox", async () => {
    await submit(await createStaff());
    await createCouncillor();
    const result = await sendOutbox({ transport: null });
    expect(result).toEqual({ claimed: 0, sent: 0, failed: 0, smtpConfigured: false });
    expect((await outbox()).every((message) => message.status === "PENDING" && message.attempts === 0)).toBe(true);
  });

  it("sends each message once through SMTP and marks it SENT", async () => {
    const [first, second] = [await createCouncillor(), await createCouncillor()];
    await submit(await createStaff());
    const result = await sendOutbox({ transport: smtpTransport(), from: "Twinning <office@test.example>" });
    expect(result).toMatchObject({ claimed: 2, sent: 2, failed: 0 });
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual([first.email, second.email].sort());
    expect(smtp.received[0]!.raw).toMatch(/multipart\/alternative/);
    const messages = await outbox();
    expect(messages.every((message) => message.status === "SENT" && message.sentAt && message.attempts === 1)).toBe(true);

    // Nothing is due any more: a second run sends nothing.
    expect(await sendOutbox({ transport: smtpTransport() })).toMatchObject({ claimed: 0, sent: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it("a refused send is FAILED, retried after an exponential backoff, and then delivered once", async () => {
    const councillor = await createCouncillor();
    await submit(await createStaff());
    const now = await queuedAt();
    failNext = 2;

    expect(await sendOutbox({ transport: smtpTransport(), now })).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    let [message] = await outbox();
    expect(message).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(message!.lastError).toMatch(/451|temporarily/i);
    expect(message!.nextAttemptAt!.getTime()).toBe(now.getTime() + backoffMs(1));

    // Not due before the backoff has passed.
    expect(await sendOutbox({ transport: smtpTransport(), now: new Date(now.getTime() + backoffMs(1) - 1000) })).toMatchObject({ claimed: 0 });

    const second = new Date(now.getTime() + backoffMs(1));
    expect(await sendOutbox({ transport: smtpTransport(), now: second })).toMatchObject({ claimed: 1, failed: 1 });
    [message] = await outbox();
    expect(message).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(message!.nextAttemptAt!.getTime()).toBe(second.getTime() + backoffMs(2));

    expect(await sendOutbox({ transport: smtpTransport(), now: new Date(second.getTime() + backoffMs(2)) })).toMatchObject({ claimed: 1, sent: 1 });
    [message] = await outbox();
    expect(message).toMatchObject({ status: "SENT", attempts: 3, lastError: null, nextAttemptAt: null });
    expect(smtp.received.map((mail) => mail.to[0])).toEqual([councillor.email]);
  });

  it("a sender that crashes after claiming (before sending) loses nothing: the lease runs out and the message is sent exactly once", async () => {
    await createCouncillor();
    await submit(await createStaff());
    const now = await queuedAt();
    const claimed = await claimDueMessages({ now });
    expect(claimed).toHaveLength(1);
    // …the process dies here. While the lease holds, no other sender takes it:
    expect(await sendOutbox({ transport: smtpTransport(), now: new Date(now.getTime() + LEASE_MS - 1000) })).toMatchObject({ claimed: 0 });
    // After it, the next run sends it.
    expect(await sendOutbox({ transport: smtpTransport(), now: new Date(now.getTime() + LEASE_MS) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await sendOutbox({ transport: smtpTransport(), now: new Date(now.getTime() + 2 * LEASE_MS) })).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect((await outbox())[0]).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("two senders claiming at the same moment never take the same message", async () => {
    const councillors = await Promise.all(Array.from({ length: 6 }, () => createCouncillor()));
    const staff = await createStaff();
    for (let index = 0; index < 4; index += 1) await submit(staff);
    expect(await db.outboxMessage.count()).toBe(councillors.length * 4);

    const [a, b] = await Promise.all([claimDueMessages({ limit: 15 }), claimDueMessages({ limit: 15 })]);
    const ids = [...a, ...b].map((message) => message.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(24);

    // And two full senders at once deliver every message exactly once.
    await db.outboxMessage.updateMany({ data: { nextAttemptAt: new Date(0), attempts: 0 } });
    await Promise.all([sendOutbox({ transport: smtpTransport(), limit: 15 }), sendOutbox({ transport: smtpTransport(), limit: 15 })]);
    expect(smtp.received).toHaveLength(24);
    expect(await db.outboxMessage.count({ where: { status: "SENT" } })).toBe(24);
  });
});

describe(`scheduled jobs (${backend()})`, () => {
  it("the weekly digest runs once per week even when two runs start at the same moment", async () => {
    const [staff, otherStaff] = [await createStaff(), await createStaff()];
    await createCouncillor();
    const now = new Date("2026-11-30T07:00:00Z");
    const agreement = await createAgreement({ createdBy: staff });
    await db.agreement.update({ where: { id: agreement.id }, data: { reviewDate: new Date("2027-01-15T00:00:00Z") } });

    const results = await Promise.all([runWeeklyDigest(now), runWeeklyDigest(now)]);
    expect(results.filter((result) => result.ran)).toHaveLength(1);
    expect(results.map((result) => result.period)).toEqual(["2026-W49", "2026-W49"]);
    const digests = await db.outboxMessage.findMany({ where: { kind: "WEEKLY_DIGEST" } });
    expect(digests.map((message) => message.recipientId).sort()).toEqual([staff.id, otherStaff.id].sort());
    expect(digests[0]!.textBody).toMatch(/review by 15 January 2027/);

    // Later the same week: already done. The next week: a new digest.
    expect((await runWeeklyDigest(new Date("2026-12-06T20:00:00Z"))).ran).toBe(false);
    await Promise.all([runDueJobs({ transport: null, now: new Date("2026-12-07T07:00:00Z") }), runDueJobs({ transport: null, now: new Date("2026-12-07T07:00:00Z") })]);
    expect(await db.outboxMessage.count({ where: { kind: "WEEKLY_DIGEST" } })).toBe(4);
    // Two weeks' digests (the retention job claims its days beside them).
    expect(await db.jobRun.count({ where: { job: { notIn: ["heartbeat", RETENTION_JOB] } } })).toBe(2);
  });

  it("reminds councillors who have not voted on a proposal open longer than reminderDays, once a day", async () => {
    await db.councilSettings.upsert({ where: { id: 1 }, update: { reminderDays: 3, approvalsNeeded: 2 }, create: { id: 1, reminderDays: 3, approvalsNeeded: 2 } });
    const staff = await createStaff();
    const [voted, waiting] = [await createCouncillor(), await createCouncillor()];
    const { proposalId } = await submit(staff);
    await decideProposal(voteSchema.parse({ proposalId, decision: "approve", reason: "" }), voted);
    const openedAt = (await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).createdAt;

    expect(await enqueueReminders(new Date(openedAt.getTime() + 2 * 86_400_000))).toEqual({ enqueued: 0 });
    const dayFour = new Date(openedAt.getTime() + 4 * 86_400_000);
    expect(await enqueueReminders(dayFour)).toEqual({ enqueued: 1 });
    expect(await enqueueReminders(new Date(dayFour.getTime() + 60_000))).toEqual({ enqueued: 0 });
    expect(await enqueueReminders(new Date(dayFour.getTime() + 86_400_000))).toEqual({ enqueued: 1 });
    const reminders = await db.outboxMessage.findMany({ where: { kind: "PROPOSAL_REMINDER" } });
    expect(reminders.map((message) => message.recipientId)).toEqual([waiting.id, waiting.id]);
    expect(reminders[0]!.textBody).toMatch(/open for 4 days/);
  });
});

describe(`preferences and the navigation count (${backend()})`, () => {
  it("a councillor who turned new proposals off gets none; the others still do", async () => {
    const [muted, listening] = [await createCouncillor(), await createCouncillor()];
    await updatePreferences(preferencesSchema.parse({ enabled: ["PROPOSAL_REMINDER"] }), muted);
    expect(await db.notificationPreference.findMany({ where: { userId: muted.id }, orderBy: { kind: "asc" }, select: { kind: true, enabled: true } })).toEqual([
      { kind: "PROPOSAL_NEW", enabled: false },
      { kind: "DECISION_REACHED", enabled: false },
      { kind: "PROPOSAL_REMINDER", enabled: true },
    ]);
    await submit(await createStaff());
    expect((await outbox()).map((message) => message.recipientId)).toEqual([listening.id]);

    // Turned back on (a form with the box ticked), the next proposal reaches them.
    await updatePreferences(preferencesSchema.parse({ enabled: ["PROPOSAL_NEW"] }), muted);
    await submit(await createStaff());
    expect(await db.outboxMessage.count({ where: { recipientId: muted.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "notifications.preferences", actorId: muted.id } })).toBe(2);
  });

  it("counts the proposals awaiting a councillor's decision: open, not yet voted on", async () => {
    await db.councilSettings.upsert({ where: { id: 1 }, update: { approvalsNeeded: 2 }, create: { id: 1, approvalsNeeded: 2 } });
    const staff = await createStaff();
    const [first, second] = [await createCouncillor(), await createCouncillor()];
    const { proposalId } = await submit(staff);
    await submit(staff);
    expect(await countAwaitingDecision(first)).toBe(2);
    await decideProposal(voteSchema.parse({ proposalId, decision: "approve", reason: "" }), first);
    expect(await countAwaitingDecision(first)).toBe(1);
    expect(await countAwaitingDecision(second)).toBe(2);
    expect(await countAwaitingDecision(staff)).toBe(0);
    expect(await countAwaitingDecision(null)).toBe(0);
  });
});
