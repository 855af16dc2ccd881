// The dashboard per role (issue 21 item 7), on whichever back end this run uses: each role reads the
// panels the policy table gives it (DASHBOARD_PANELS) and no other; officers their drafts, reviews
// due, upcoming events and dormant links; councillors the proposals awaiting their vote; admins the
// locked accounts, the failed emails and the decision record's state, checked without walking the
// whole chain on every view. Time is injected: nothing here depends on today's date.
import { beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
import { applyCommand } from "@/lib/agreements/apply-command";
import { decideProposal } from "@/lib/agreements/decide-proposal";
import { admitSignIn, lockKeys, settleSignIn } from "@/lib/auth/sign-in-lock";
import { CHAIN_WALK_EVERY_MS, checkDecisionChain } from "@/lib/data/audit";
import { getDashboard } from "@/lib/data/dashboard";
import { db } from "@/lib/db";
import { cancelEvent } from "@/lib/events/cancel-event";
import type { Actor } from "@/lib/domain/permissions";
import { commandSchema, voteSchema } from "@/lib/domain/validation/agreement";
import { cancelEventSchema } from "@/lib/domain/validation/event";
import { backend, createAdmin, createAgreement, createCouncillor, createStaff, createUser, resetDatabase, setApprovalsNeeded } from "../helpers/database";

beforeEach(resetDatabase);

/** The time the dashboard is read at: far from today, so no panel can depend on the real clock. */
const NOW = new Date("2031-06-15T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

async function submit(agreementId: string, officer: Actor): Promise<string> {
  const { version } = await db.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { version: true } });
  const { proposalId } = await applyCommand(commandSchema.parse({ agreementId, version, command: "submit", reason: "Ready for the committee." }), officer);
  return proposalId!;
}

async function event(officer: Actor, title: string, startsAt: Date): Promise<string> {
  const { id } = await db.event.create({ data: { title, kind: "FESTIVAL", startsAt, place: "Town hall", createdById: officer.id }, select: { id: true } });
  return id;
}

describe(`the dashboard per role (${backend()})`, () => {
  it("shows each role the panels the policy table gives it, and none other", async () => {
    const [officer, councillor, admin] = [await createStaff(), await createCouncillor(), await createAdmin()];
    const officerPanels = ["drafts", "returned", "ownProposals", "reviewsDue", "upcomingEvents", "dormant"] as const;
    const adminPanels = ["lockedAccounts", "failedEmails"] as const;
    await createAgreement({ status: "DRAFT", createdBy: officer });
    await createAgreement({ status: "DRAFT", createdBy: admin });
    await submit((await createAgreement({ status: "DRAFT", createdBy: officer })).id, officer);
    await event(officer, "Jumelage festival", at(3 * DAY));

    const forOfficer = await getDashboard(officer, NOW);
    expect(forOfficer.totals).toMatchObject({ drafts: 1, ownProposals: 1, upcomingEvents: 1, awaitingVote: 0, lockedAccounts: 0, failedEmails: 0 });
    expect(forOfficer.decisionRecord).toBeNull();
    expect(forOfficer.awaitingVote).toEqual([]);

    const forCouncillor = await getDashboard(councillor, NOW);
    expect(forCouncillor.totals.awaitingVote).toBe(1);
    for (const panel of [...officerPanels, ...adminPanels]) {
      expect(forCouncillor[panel], panel).toEqual([]);
      expect(forCouncillor.totals[panel], panel).toBe(0);
    }
    expect(forCouncillor.decisionRecord).toBeNull();

    // An admin may do staff work: their own drafts and the officers' panels, beside their own.
    const forAdmin = await getDashboard(admin, NOW);
    expect(forAdmin.totals).toMatchObject({ drafts: 1, upcomingEvents: 1, awaitingVote: 0 });
    // The decision record holds one decision: the submission.
    expect(forAdmin.decisionRecord?.report).toMatchObject({ ok: true, count: 1 });
  });

  it("'My drafts': the drafts an officer created or leads, the latest edited first, nothing else", async () => {
    const [officer, colleague] = [await createStaff(), await createStaff()];
    const mine = await createAgreement({ status: "DRAFT", createdBy: officer, partnerName: "Lille" });
    const led = await createAgreement({ status: "DRAFT", createdBy: colleague, partnerName: "Kiel" });
    await db.agreement.update({ where: { id: led.id }, data: { leadOfficerId: officer.id } });
    await createAgreement({ status: "DRAFT", createdBy: colleague, partnerName: "Dresden" });
    await createAgreement({ status: "ACTIVE", createdBy: officer, partnerName: "Volgograd" });

    const dashboard = await getDashboard(officer, NOW);
    expect(dashboard.drafts.map((draft) => draft.partnerName)).toEqual(["Kiel", "Lille"]);
    expect(dashboard.drafts[0]).toMatchObject({ id: led.id, title: "Kiel link" });
    expect(dashboard.drafts[0]!.updatedAt).toBeInstanceOf(Date);
    expect(dashboard.totals.drafts).toBe(2);
    expect(dashboard.drafts.map((draft) => draft.id)).toContain(mine.id);
  });

  it("'Upcoming events': the next planned ones from now, soonest first, cancelled and past ones left out; the total counts beyond the list", async () => {
    const officer = await createStaff();
    await event(officer, "Yesterday's reception", at(-DAY));
    const cancelled = await event(officer, "Called-off concert", at(DAY));
    await cancelEvent(cancelEventSchema.parse({ id: cancelled, reason: "The hall flooded." }), officer, NOW);
    for (let day = 11; day >= 1; day -= 1) await event(officer, `Visit day ${day}`, at(day * DAY + MINUTE));

    const dashboard = await getDashboard(officer, NOW);
    expect(dashboard.upcomingEvents.map((row) => row.title)).toEqual(Array.from({ length: 10 }, (_, index) => `Visit day ${index + 1}`));
    expect(dashboard.upcomingEvents[0]!.startsAt).toEqual(at(DAY + MINUTE));
    expect(dashboard.totals.upcomingEvents).toBe(11);
    // Seen from the eve of the last one, only it is still to come.
    expect((await getDashboard(officer, at(11 * DAY))).upcomingEvents.map((row) => row.title)).toEqual(["Visit day 11"]);
  });

  it("'Reviews due' and 'Dormant partnerships' follow the shared rules at the given time, with their totals", async () => {
    const officer = await createStaff();
    const overdue = await createAgreement({ createdBy: officer, partnerName: "Belgrade" });
    const soon = await createAgreement({ createdBy: officer, partnerName: "Dresden" });
    const later = await createAgreement({ createdBy: officer, partnerName: "Kiel" });
    await db.agreement.update({ where: { id: overdue.id }, data: { reviewDate: at(-30 * DAY), linkBegan: new Date("1957-01-01") } });
    await db.agreement.update({ where: { id: soon.id }, data: { reviewDate: at(60 * DAY), linkBegan: new Date("1956-01-01") } });
    await db.agreement.update({ where: { id: later.id }, data: { reviewDate: at(400 * DAY), linkBegan: new Date("1947-01-01") } });

    const dashboard = await getDashboard(officer, NOW);
    expect(dashboard.reviewsDue.map((row) => row.partnerName)).toEqual(["Belgrade", "Dresden"]);
    expect(dashboard.totals.reviewsDue).toBe(2);
    // None of the three has had an exchange or event since it began, decades before NOW.
    expect(dashboard.dormant.map((row) => row.partnerName).sort()).toEqual(["Belgrade", "Dresden", "Kiel"]);
    expect(dashboard.totals.dormant).toBe(3);
  });

  it("'Awaiting your vote': the open proposals this councillor has not voted on, oldest first", async () => {
    await setApprovalsNeeded(2);
    const [officer, councillor, otherCouncillor] = [await createStaff(), await createCouncillor(), await createCouncillor()];
    const first = await submit((await createAgreement({ status: "DRAFT", createdBy: officer, partnerName: "Mariupol" })).id, officer);
    const second = await submit((await createAgreement({ status: "DRAFT", createdBy: officer, partnerName: "Lublin" })).id, officer);
    await decideProposal(voteSchema.parse({ proposalId: first, decision: "approve", reason: "" }), councillor);

    const mine = await getDashboard(councillor, NOW);
    expect(mine.awaitingVote.map((row) => [row.id, row.partnerName, row.kind])).toEqual([[second, "Lublin", "ACTIVATION"]]);
    expect(mine.totals.awaitingVote).toBe(1);
    const theirs = await getDashboard(otherCouncillor, NOW);
    expect(theirs.awaitingVote.map((row) => row.id)).toEqual([first, second]);
    expect(theirs.totals.awaitingVote).toBe(2);
  });

  it("'Locked accounts': the active accounts whose sign-in the lock holds at the given time, until when", async () => {
    const admin = await createAdmin();
    const locked = await createStaff({ name: "Lee Locked" });
    const nearly = await createStaff({ name: "Nia Nearly" });
    const gone = await createUser("STAFF", { name: "Dee Parted", active: false });
    /** `failures` wrong passwords for `email` at NOW, counted by the sign-in lock itself. */
    const fail = async (email: string, failures: number) => {
      const keys = lockKeys(email, "192.0.2.7");
      for (let attempt = 0; attempt < failures; attempt += 1) {
        expect(await admitSignIn(keys, () => NOW)).toEqual({ kind: "admitted" });
        await db.$transaction((tx) => settleSignIn(tx, keys, "failed", NOW));
      }
    };
    await fail(locked.email, 5);
    await fail(nearly.email, 4);
    await fail(gone.email, 5);
    await fail("nobody@test.example", 5);

    const dashboard = await getDashboard(admin, at(30 * 1000));
    expect(dashboard.lockedAccounts).toEqual([{ id: locked.id, name: "Lee Locked", email: locked.email, lockedUntil: at(MINUTE) }]);
    expect(dashboard.totals.lockedAccounts).toBe(1);
    // Five failures lock for a minute: after it, nobody is locked.
    expect((await getDashboard(admin, at(MINUTE + 1))).lockedAccounts).toEqual([]);
    expect((await getDashboard(locked, at(30 * 1000))).lockedAccounts).toEqual([]);
  });

  it("'Failed emails': the outbox's failed messages, newest first, those retried and those given up", async () => {
    const admin = await createAdmin();
    const message = (subject: string, status: "PENDING" | "SENT" | "FAILED", createdAt: Date, nextAttemptAt: Date | null) =>
      db.outboxMessage.create({
        data: { kind: "PROPOSAL_NEW", recipientEmail: "clerk@test.example", subject, textBody: "…", htmlBody: "<p>…</p>", status, createdAt, nextAttemptAt, dedupeKey: `test:${subject}` },
      });
    await message("Sent fine", "SENT", at(-3 * DAY), null);
    await message("Still waiting", "PENDING", at(-DAY), at(-DAY));
    await message("Given up", "FAILED", at(-2 * DAY), null);
    for (let index = 1; index <= 5; index += 1) await message(`Retry ${index}`, "FAILED", at(-DAY + index * MINUTE), at(index * MINUTE));

    const dashboard = await getDashboard(admin, NOW);
    expect(dashboard.failedEmails.map((email) => email.subject)).toEqual(["Retry 5", "Retry 4", "Retry 3", "Retry 2", "Retry 1"]);
    expect(dashboard.failedEmails[0]).toMatchObject({ recipientEmail: "clerk@test.example", nextAttemptAt: at(5 * MINUTE) });
    expect(dashboard.totals.failedEmails).toBe(6);
  });
});

describe(`the decision record's state (${backend()})`, () => {
  /** What an attacker with database access can do: switch the append-only trigger off for one statement. */
  async function asAttacker(statement: string, ...values: unknown[]) {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "Decision" DISABLE TRIGGER "Decision_append_only"`);
      await tx.$executeRawUnsafe(statement, ...values);
      await tx.$executeRawUnsafe(`ALTER TABLE "Decision" ENABLE TRIGGER "Decision_append_only"`);
    });
  }

  it("extends the last check by the decisions recorded since, and walks the whole chain again only after CHAIN_WALK_EVERY_MS", async () => {
    const officer = await createStaff();
    await createAgreement({ createdBy: officer });
    await createAgreement({ createdBy: officer });
    const first = await checkDecisionChain(undefined, NOW);
    expect(first).toMatchObject({ report: { ok: true, count: 2 }, checkedAt: NOW, walkedAt: NOW });

    // An earlier decision rewritten behind the app's back, then a new one recorded: the next check
    // reads only the new decision, so it cannot see the rewrite...
    const [oldest] = await db.decision.findMany({ orderBy: { sequence: "asc" }, take: 1, select: { id: true } });
    await asAttacker(`UPDATE "Decision" SET "reason" = 'Rewritten' WHERE "id" = $1::uuid`, oldest!.id);
    await createAgreement({ createdBy: officer });
    const extended = await checkDecisionChain(first, at(MINUTE));
    expect(extended).toMatchObject({ report: { ok: true, count: 3 }, checkedAt: at(MINUTE), walkedAt: NOW });

    // ...and the next whole walk finds it, at that decision; the record stays broken after it.
    const walked = await checkDecisionChain(extended, at(CHAIN_WALK_EVERY_MS));
    expect(walked).toMatchObject({ report: { ok: false, verified: 0, failure: { id: oldest!.id, sequence: 1 } }, walkedAt: at(CHAIN_WALK_EVERY_MS) });
    await createAgreement({ createdBy: officer });
    expect(await checkDecisionChain(walked, at(CHAIN_WALK_EVERY_MS + MINUTE))).toBe(walked);
  });

  it("walks from the first decision when the head it would start from was changed", async () => {
    const officer = await createStaff();
    await createAgreement({ createdBy: officer });
    await createAgreement({ createdBy: officer });
    const first = await checkDecisionChain(undefined, NOW);
    const [head] = await db.decision.findMany({ orderBy: { sequence: "desc" }, take: 1, select: { id: true } });
    await asAttacker(`UPDATE "Decision" SET "reason" = 'Rewritten' WHERE "id" = $1::uuid`, head!.id);
    expect((await checkDecisionChain(first, at(MINUTE))).report).toMatchObject({ ok: false, verified: 1, failure: { id: head!.id, sequence: 2 } });
  });
});
