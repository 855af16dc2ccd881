// Call-in of executive decisions (issue 24 item 4, docs/decisions/023-call-in.md) against a real
// database on whichever back end this run uses, with the clock injected. With a call-in period, a
// decision on a covered route is published but takes effect on the computed working day — once,
// however many job runners — unless scrutiny members call it in; a called-in decision waits until
// scrutiny records its outcome. Every step is a decision in the chain, which still verifies.
import { beforeEach, describe, expect, it } from "vitest";
import { answerReferral } from "@/lib/agreements/answer-referral";
import { applyCommand } from "@/lib/agreements/apply-command";
import { callInDecision } from "@/lib/agreements/call-in";
import { recordDecision } from "@/lib/agreements/record-decision";
import { recordScrutinyOutcome } from "@/lib/agreements/scrutiny-outcome";
import { markChanged } from "@/lib/cache/signal";
import { getDecisionNotice as readNotice } from "@/lib/data/decision-notices";
import { db } from "@/lib/db";
import { verifyDecisionChain } from "@/lib/decisions/chain";
import { CALL_IN_REFUSED } from "@/lib/domain/call-in";
import { commandSchema, recordDecisionSchema } from "@/lib/domain/validation/agreement";
import { callInSchema, referralAnswerSchema, scrutinyOutcomeSchema } from "@/lib/domain/validation/call-in";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { backend, createAgreement, createAdmin, createCouncillor, createStaff, resetDatabase, type TestAgreement } from "../helpers/database";
import { refusal } from "../helpers/outcomes";
import type { Actor } from "@/lib/domain/permissions";

beforeEach(resetDatabase);

/** A call-in period of `days` working days on the default routes (executive member, officer under delegation), and December 2026's bank holidays. */
async function callInPeriod(days: number, callInsNeeded = 1) {
  await db.councilSettings.upsert({ where: { id: 1 }, update: { callInDays: days, callInsNeeded }, create: { id: 1, callInDays: days, callInsNeeded } });
  await db.bankHoliday.createMany({
    data: [
      { date: new Date("2026-12-25T00:00:00Z"), name: "Christmas Day" },
      { date: new Date("2026-12-28T00:00:00Z"), name: "Boxing Day (substitute day)" },
    ],
    skipDuplicates: true,
  });
}

/** "Propose suspension", taken by the executive member named. */
async function proposeSuspension(link: Pick<TestAgreement, "id" | "version">, proposer: Actor, executiveMemberId: string) {
  const input = commandSchema.parse({
    agreementId: link.id,
    version: link.version,
    command: "proposeSuspension",
    reason: "Internal: the partner council is suspended.",
    publicReason: "Paused while the partner council is suspended.",
    decisionRoute: "EXECUTIVE_MEMBER",
    executiveMemberId,
  });
  const { proposalId } = await applyCommand(input, proposer);
  return proposalId!;
}

const approve = (proposalId: string, fields: Record<string, string> = {}) => recordDecisionSchema.parse({ proposalId, decision: "approve", reason: "", ...fields });
const statusOf = async (id: string) => (await db.agreement.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const kindsOf = async (proposalId: string) => (await db.decision.findMany({ where: { proposalId }, orderBy: { sequence: "asc" }, select: { kind: true } })).map((row) => row.kind);
const at = (iso: string) => new Date(iso);
/** The notice as a page reads it after a write: the operations here run outside the action wrapper, which marks the caches stale (on PostgreSQL the database's change signal arrives a moment later). */
const getDecisionNotice = (id: string) => {
  markChanged();
  return readNotice(id);
};

async function scrutinyMember() {
  const councillor = await createCouncillor();
  await db.user.update({ where: { id: councillor.id }, data: { scrutinyMember: true } });
  return councillor;
}

describe(`call-in (${backend()})`, () => {
  it("a period of 0 (the default) keeps today's behaviour: the decision takes effect when recorded", async () => {
    const [officer, member] = [await createStaff(), await createCouncillor()];
    const link = await createAgreement({ createdBy: officer });
    const proposalId = await proposeSuspension(link, officer, member.id);
    await recordDecision(approve(proposalId), member, at("2026-12-23T10:00:00Z"));
    expect(await statusOf(link.id)).toBe("SUSPENDED");
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { callIn: true, takesEffectOn: true } })).toEqual({ callIn: null, takesEffectOn: null });
  });

  it("an uncalled decision takes effect on the computed working day, across a weekend and two bank holidays, exactly once with two job runners", async () => {
    await callInPeriod(2);
    const [officer, member] = [await createStaff(), await createCouncillor()];
    const link = await createAgreement({ createdBy: officer });
    const proposalId = await proposeSuspension(link, officer, member.id);
    // Published Wednesday 23 December: the period is Thursday 24th and (Christmas, the weekend and Boxing Day's substitute Monday off) Tuesday 29th.
    await recordDecision(approve(proposalId), member, at("2026-12-23T10:00:00Z"));
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { callIn: true, takesEffectOn: true, state: true } });
    expect(proposal).toEqual({ callIn: "AWAITING", takesEffectOn: new Date("2026-12-30T00:00:00Z"), state: "APPROVED" });
    expect(await statusOf(link.id)).toBe("ACTIVE");

    // The notice is published at once, and says when it takes effect.
    const published = await db.decision.findFirstOrThrow({ where: { proposalId, kind: "STATUS_CHANGED" }, select: { id: true, route: true } });
    expect(published.route).toMatchObject({ route: "EXECUTIVE_MEMBER", takesEffectOn: "2026-12-30" });
    expect(await getDecisionNotice(published.id)).toMatchObject({ outcome: "paused", effect: { state: "waiting", takesEffectOn: "2026-12-30" } });

    // Tuesday 29th, 23:30 London: still in the period.
    expect((await runDueJobs({ transport: null, now: at("2026-12-29T23:30:00Z") })).decisions).toEqual({ applied: 0 });
    expect(await statusOf(link.id)).toBe("ACTIVE");

    // Wednesday 30th, 00:30 London: two runners at once apply it once.
    const outboxBefore = await db.outboxMessage.count();
    const runs = await Promise.all([runDueJobs({ transport: null, now: at("2026-12-30T00:30:00Z") }), runDueJobs({ transport: null, now: at("2026-12-30T00:30:00Z") })]);
    expect(runs.map((run) => run.errors)).toEqual([[], []]);
    expect(runs.map((run) => run.decisions?.applied ?? 0).reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await statusOf(link.id)).toBe("SUSPENDED");
    expect(await kindsOf(proposalId)).toEqual(["PROPOSED", "APPROVED", "STATUS_CHANGED", "TOOK_EFFECT"]);
    expect(await db.auditLog.count({ where: { action: "decision.take-effect", entityId: proposalId } })).toBe(1);
    // One email each to the proposer and the executive member, once.
    const emails = await db.outboxMessage.findMany({ where: { subject: { startsWith: "Decision in effect" } }, select: { recipientId: true } });
    expect(emails.map((email) => email.recipientId).sort()).toEqual([officer.id, member.id].sort());
    expect(await db.outboxMessage.count()).toBe(outboxBefore + 2);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: link.id }, select: { statusDecisionId: true } })).statusDecisionId).toBe(published.id);

    // A later round does nothing more.
    expect((await runDueJobs({ transport: null, now: at("2026-12-31T09:00:00Z") })).decisions).toEqual({ applied: 0 });
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: true });
    expect(await getDecisionNotice(published.id)).toMatchObject({ effect: { state: "inEffect" } });
  });

  it("a scrutiny member who took no part calls the decision in: it does not take effect until scrutiny records no further action", async () => {
    await callInPeriod(2);
    const [officer, member, bystander, scrutiny, admin] = [await createStaff(), await createCouncillor(), await createCouncillor(), await scrutinyMember(), await createAdmin()];
    const link = await createAgreement({ createdBy: officer });
    const proposalId = await proposeSuspension(link, officer, member.id);
    // Published Monday 7 December: in effect Thursday 10th.
    await recordDecision(approve(proposalId), member, at("2026-12-07T11:00:00Z"));
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).takesEffectOn).toEqual(new Date("2026-12-10T00:00:00Z"));

    const reason = callInSchema.parse({ proposalId, reason: "The partner's view was not sought." });
    // Only a scrutiny member, and not one who took part (the executive member is made a scrutiny member to show it).
    expect((await refusal(callInDecision(reason, bystander, at("2026-12-08T09:00:00Z")))).message).toBe(CALL_IN_REFUSED.mayNotCallIn);
    await db.user.update({ where: { id: member.id }, data: { scrutinyMember: true } });
    expect((await refusal(callInDecision(reason, member, at("2026-12-08T09:00:00Z")))).message).toBe(CALL_IN_REFUSED.mayNotCallIn);
    expect((await refusal(callInDecision(reason, officer, at("2026-12-08T09:00:00Z")))).code).toBe("FORBIDDEN");
    // Not after the period: Thursday 10th is the day it takes effect.
    expect((await refusal(callInDecision(reason, scrutiny, at("2026-12-10T09:00:00Z")))).message).toBe(CALL_IN_REFUSED.callInClosed);
    // Scrutiny's outcome before a call-in: nothing to record.
    expect((await refusal(recordScrutinyOutcome(scrutinyOutcomeSchema.parse({ proposalId, outcome: "NO_FURTHER_ACTION", reason: "Fine." }), admin))).message).toBe(CALL_IN_REFUSED.notCalledIn);

    expect(await callInDecision(reason, scrutiny, at("2026-12-08T09:00:00Z"))).toMatchObject({ confirmation: "agreement.calledIn" });
    expect((await refusal(callInDecision(reason, scrutiny, at("2026-12-08T09:05:00Z")))).message).toBe(CALL_IN_REFUSED.callInClosed);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).callIn).toBe("CALLED_IN");
    const published = await db.decision.findFirstOrThrow({ where: { proposalId, kind: "STATUS_CHANGED" }, select: { id: true } });
    expect(await getDecisionNotice(published.id)).toMatchObject({ effect: { state: "calledIn" } });

    // The day it would have taken effect, and after: the jobs leave it.
    expect((await runDueJobs({ transport: null, now: at("2026-12-11T09:00:00Z") })).decisions).toEqual({ applied: 0 });
    expect(await statusOf(link.id)).toBe("ACTIVE");

    // The executive member took part: they may not judge it; a councillor off the committee may not either.
    const outcome = scrutinyOutcomeSchema.parse({ proposalId, outcome: "NO_FURTHER_ACTION", reason: "The committee heard the member and is satisfied.", reference: "Scrutiny 2026/12" });
    expect((await refusal(recordScrutinyOutcome(outcome, member))).message).toBe(CALL_IN_REFUSED.mayNotRecordOutcome);
    expect((await refusal(recordScrutinyOutcome(outcome, bystander))).message).toBe(CALL_IN_REFUSED.mayNotRecordOutcome);
    expect(await recordScrutinyOutcome(outcome, scrutiny)).toMatchObject({ agreementId: link.id, confirmation: "agreement.scrutinyOutcome" });
    expect(await statusOf(link.id)).toBe("SUSPENDED");
    expect(await kindsOf(proposalId)).toEqual(["PROPOSED", "APPROVED", "STATUS_CHANGED", "CALLED_IN", "CALL_IN_NO_FURTHER_ACTION"]);
    expect(await db.outboxMessage.count({ where: { subject: { startsWith: "Decision called in" } } })).toBe(2);
    expect(await db.outboxMessage.count({ where: { subject: { startsWith: "Call-in: no further action" } } })).toBe(2);
    expect(await getDecisionNotice(published.id)).toMatchObject({ effect: { state: "inEffect" } });
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: true });
  });

  it("needs as many call-ins as the council sets; a referral back is confirmed or withdrawn by the decision-maker, a referral to full council recorded like a meeting", async () => {
    await callInPeriod(3, 2);
    const [officer, colleague, member, first, second] = [await createStaff(), await createStaff(), await createCouncillor(), await scrutinyMember(), await scrutinyMember()];
    const links = [await createAgreement(), await createAgreement()];
    const [back, council] = [await proposeSuspension(links[0]!, officer, member.id), await proposeSuspension(links[1]!, officer, member.id)];
    for (const proposalId of [back, council]) {
      await recordDecision(approve(proposalId), member, at("2026-12-01T10:00:00Z"));
      expect(await callInDecision(callInSchema.parse({ proposalId, reason: "Not consulted." }), first, at("2026-12-02T10:00:00Z"))).toMatchObject({ confirmation: "agreement.callInRecorded" });
      expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).callIn).toBe("AWAITING");
      expect(await callInDecision(callInSchema.parse({ proposalId, reason: "Agreed." }), second, at("2026-12-02T11:00:00Z"))).toMatchObject({ confirmation: "agreement.calledIn" });
    }
    await recordScrutinyOutcome(scrutinyOutcomeSchema.parse({ proposalId: back, outcome: "REFERRED_BACK", reason: "Reconsider with the partner's view." }), first);
    await recordScrutinyOutcome(scrutinyOutcomeSchema.parse({ proposalId: council, outcome: "REFERRED_TO_COUNCIL", reason: "A matter for full council." }), first);

    // Referred back: only the decision-maker answers; withdrawn, it never takes effect.
    const withdraw = referralAnswerSchema.parse({ proposalId: back, answer: "withdraw", reason: "The partner has asked us to wait." });
    expect((await refusal(answerReferral(withdraw, first))).message).toBe(CALL_IN_REFUSED.mayNotAnswerReferral);
    await answerReferral(withdraw, member);
    expect(await statusOf(links[0]!.id)).toBe("ACTIVE");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: back } })).callIn).toBe("NOT_IN_EFFECT");

    // Full council: an officer other than the proposer records the resolution, with the meeting.
    const confirm = referralAnswerSchema.parse({ proposalId: council, answer: "confirm", reason: "Council resolved to pause the link." });
    expect((await refusal(answerReferral(confirm, officer))).message).toBe(CALL_IN_REFUSED.mayNotAnswerReferral);
    expect(Object.keys((await refusal(answerReferral(confirm, colleague))).fieldErrors).sort()).toEqual(["meetingDate", "meetingName", "minuteReference"]);
    await answerReferral(referralAnswerSchema.parse({ ...confirm, meetingName: "Full Council", meetingDate: "2026-12-03", minuteReference: "Council 2026/88" }), colleague);
    expect(await statusOf(links[1]!.id)).toBe("SUSPENDED");
    const confirmed = await db.decision.findFirstOrThrow({ where: { proposalId: council, kind: "DECISION_CONFIRMED" }, select: { route: true, reference: true } });
    expect(confirmed).toMatchObject({ route: { route: "MEETING_RESOLUTION", meetingName: "Full Council", meetingDate: "2026-12-03", minuteReference: "Council 2026/88" }, reference: "Council 2026/88" });
    expect(await verifyDecisionChain(db)).toMatchObject({ ok: true });
  });

  it("an urgent decision is exempt: it takes effect at once and its notice says why", async () => {
    await callInPeriod(5);
    const [officer, member] = [await createStaff(), await createCouncillor()];
    const link = await createAgreement({ createdBy: officer });
    const proposalId = await proposeSuspension(link, officer, member.id);
    const missing = recordDecisionSchema.safeParse({ proposalId, decision: "approve", reason: "", urgent: "yes", urgencyReason: "" });
    expect(missing.success).toBe(false);
    await recordDecision(approve(proposalId, { urgent: "yes", urgencyReason: "The delegation arrives on Monday." }), member, at("2026-12-04T10:00:00Z"));
    expect(await statusOf(link.id)).toBe("SUSPENDED");
    const published = await db.decision.findFirstOrThrow({ where: { proposalId, kind: "STATUS_CHANGED" }, select: { id: true, route: true } });
    expect(published.route).toMatchObject({ urgent: "The delegation arrives on Monday." });
    expect(await getDecisionNotice(published.id)).toMatchObject({ effect: { state: "urgent", urgencyReason: "The delegation arrives on Monday." } });
  });

  it("a route the period does not cover takes effect at once (councillors' votes, by default)", async () => {
    await callInPeriod(5);
    const [officer, colleague] = [await createStaff(), await createStaff()];
    const link = await createAgreement({ createdBy: officer });
    const input = commandSchema.parse({ agreementId: link.id, version: link.version, command: "proposeSuspension", reason: "r", publicReason: "p", decisionRoute: "OFFICER_DELEGATION", delegation: "4.2" });
    await db.councilSettings.update({ where: { id: 1 }, data: { callInRoutes: ["EXECUTIVE_MEMBER"] } });
    const { proposalId } = await applyCommand(input, officer);
    await recordDecision(approve(proposalId!), colleague, at("2026-12-04T10:00:00Z"));
    expect(await statusOf(link.id)).toBe("SUSPENDED");
  });
});
