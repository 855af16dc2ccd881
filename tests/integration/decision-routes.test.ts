// How a decision was taken, and its public notice (issue 24 items 2 and 3), against a real database
// on whichever back end this run uses. Each route decides a proposal, and only those the policy
// table allows may decide it: councillors' votes on /approvals; a meeting's resolution, an executive
// member's or an officer's delegated decision recorded with "Record the decision" (never by the
// proposer). The notices list only public decisions: never a draft, a pending proposal, a
// rejection, a vote or an internal reason.
import { beforeEach, describe, expect, it } from "vitest";
import { applyCommand } from "@/lib/agreements/apply-command";
import { decideProposal } from "@/lib/agreements/decide-proposal";
import { recordDecision } from "@/lib/agreements/record-decision";
import { getDecisionNotice, listDecisionNotices } from "@/lib/data/decision-notices";
import { countAwaitingDecision } from "@/lib/data/notifications";
import { db } from "@/lib/db";
import { verifyDecisionChain } from "@/lib/decisions/chain";
import { REFUSED } from "@/lib/domain/errors";
import { amendmentSchema, commandSchema, recordDecisionSchema, voteSchema } from "@/lib/domain/validation/agreement";
import { backend, createAdmin, createAgreement, createCouncillor, createStaff, resetDatabase, type TestAgreement } from "../helpers/database";
import { daysFromToday, refusal } from "../helpers/outcomes";

beforeEach(resetDatabase);

const INTERNAL = "INTERNAL: the leader's office asked us to keep this quiet";
const PUBLIC = "Paused while the partner council is suspended by its national government.";

/** "Propose suspension" as the form sends it, with the route fields given. */
function suspension(link: Pick<TestAgreement, "id" | "version">, route: Record<string, string> = {}) {
  return commandSchema.parse({
    agreementId: link.id,
    version: link.version,
    command: "proposeSuspension",
    reason: INTERNAL,
    publicReason: PUBLIC,
    alternativesConsidered: "Carrying on as before; ending the link.",
    conflictsOfInterest: "Cllr Example is a member of the twinning association.",
    ...route,
  });
}

const record = (proposalId: string, fields: Record<string, string> = {}) => recordDecisionSchema.parse({ proposalId, decision: "approve", reason: "", ...fields });
const statusOf = async (id: string) => (await db.agreement.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const closingOf = (proposalId: string) => db.decision.findFirstOrThrow({ where: { proposalId, kind: "STATUS_CHANGED" } });

describe(`decision routes (${backend()})`, () => {
  it("councillors' votes, the default: voted on, and nothing to record", async () => {
    const [officer, colleague, councillor] = [await createStaff(), await createStaff(), await createCouncillor()];
    const link = await createAgreement();
    const { proposalId } = await applyCommand(suspension(link), officer);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).decisionRoute).toBe("COUNCILLOR_VOTES");

    expect((await refusal(recordDecision(record(proposalId!), colleague))).message).toBe(REFUSED.decidedByVotes);
    expect(await decideProposal(voteSchema.parse({ proposalId, decision: "approve", reason: "" }), councillor)).toMatchObject({ outcome: "approved" });
    expect(await statusOf(link.id)).toBe("SUSPENDED");
  });

  it("the council's default route applies when the form sends none, and asks for what that route needs", async () => {
    await db.councilSettings.upsert({ where: { id: 1 }, update: { defaultDecisionRoute: "OFFICER_DELEGATION" }, create: { id: 1, defaultDecisionRoute: "OFFICER_DELEGATION" } });
    const officer = await createStaff();
    const link = await createAgreement();
    const missing = await refusal(applyCommand(suspension(link), officer));
    expect(missing.code).toBe("VALIDATION");
    expect(Object.keys(missing.fieldErrors)).toEqual(["delegation"]);

    const { proposalId } = await applyCommand(suspension(link, { delegation: "Scheme of delegation 4.2" }), officer);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { decisionRoute: true, delegation: true } })).toEqual({ decisionRoute: "OFFICER_DELEGATION", delegation: "Scheme of delegation 4.2" });
  });

  it("meeting resolution: recorded by an officer other than the proposer, with the meeting, its date and minute; councillors neither vote nor record it", async () => {
    const [officer, colleague, councillor] = [await createStaff(), await createStaff(), await createCouncillor()];
    const link = await createAgreement();
    const { proposalId } = await applyCommand(suspension(link, { decisionRoute: "MEETING_RESOLUTION" }), officer);
    const meeting = { meetingName: "Cabinet", meetingDate: daysFromToday(-3), minuteReference: "Cabinet 2026/45", meetingUrl: "democracy.example.gov.uk/ieListDocuments.aspx?MId=45" };

    expect((await refusal(decideProposal(voteSchema.parse({ proposalId, decision: "approve", reason: "" }), councillor))).message).toBe(REFUSED.notDecidedByVotes);
    expect((await refusal(recordDecision(record(proposalId!, meeting), officer))).message).toBe(REFUSED.fourEyes);
    expect((await refusal(recordDecision(record(proposalId!, meeting), councillor))).message).toBe(REFUSED.mayNotRecord);
    const incomplete = await refusal(recordDecision(record(proposalId!, { meetingName: "Cabinet" }), colleague));
    expect(Object.keys(incomplete.fieldErrors).sort()).toEqual(["meetingDate", "minuteReference"]);
    expect(await statusOf(link.id)).toBe("ACTIVE");

    expect(await recordDecision(record(proposalId!, meeting), colleague)).toMatchObject({ agreementId: link.id, confirmation: "agreement.decisionRecorded" });
    expect(await statusOf(link.id)).toBe("SUSPENDED");
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(proposal).toMatchObject({ state: "APPROVED", meetingName: "Cabinet", minuteReference: "Cabinet 2026/45", meetingUrl: "https://democracy.example.gov.uk/ieListDocuments.aspx?MId=45" });
    expect(proposal.meetingDate?.toISOString().slice(0, 10)).toBe(meeting.meetingDate);
    const closing = await closingOf(proposalId!);
    expect(closing).toMatchObject({ actorId: colleague.id, toStatus: "SUSPENDED", reference: "Cabinet 2026/45" });
    // How it was decided is committed to the chain with the decision: a digested field.
    expect(closing.route).toEqual({ route: "MEETING_RESOLUTION", meetingName: "Cabinet", meetingDate: meeting.meetingDate, minuteReference: "Cabinet 2026/45", meetingUrl: "https://democracy.example.gov.uk/ieListDocuments.aspx?MId=45" });
    expect((closing.fieldDigests as Record<string, string | null>).route).toMatch(/^[0-9a-f]{64}$/);
    expect((await db.decision.findFirstOrThrow({ where: { proposalId, kind: "PROPOSED" } })).route).toEqual({ route: "MEETING_RESOLUTION" });
    expect((await refusal(recordDecision(record(proposalId!, meeting), colleague))).message).toBe(REFUSED.decided);
    expect((await verifyDecisionChain(db)).ok).toBe(true);

    const notice = await getDecisionNotice((await closingOf(proposalId!)).id);
    expect(notice).toMatchObject({ outcome: "paused", route: "MEETING_RESOLUTION", maker: { meeting: "Cabinet" }, decidedOn: meeting.meetingDate, reference: "Cabinet 2026/45" });
  });

  it("executive member: the named councillor records it, or an officer who did not propose it; another councillor may not", async () => {
    const [officer, colleague, member, other] = [await createStaff(), await createStaff(), await createCouncillor({ name: "Cllr Ada Member" }), await createCouncillor()];
    const notCouncillor = await refusal(applyCommand(suspension(await createAgreement(), { decisionRoute: "EXECUTIVE_MEMBER", executiveMemberId: colleague.id }), officer));
    expect(Object.keys(notCouncillor.fieldErrors)).toEqual(["executiveMemberId"]);

    const link = await createAgreement();
    const { proposalId } = await applyCommand(suspension(link, { decisionRoute: "EXECUTIVE_MEMBER", executiveMemberId: member.id }), officer);
    expect((await refusal(recordDecision(record(proposalId!), other))).message).toBe(REFUSED.mayNotRecord);
    // The named member's header count and dashboard show it as awaiting their decision; another councillor's do not.
    expect(await countAwaitingDecision(member)).toBe(1);
    expect(await countAwaitingDecision(other)).toBe(0);
    expect((await refusal(decideProposal(voteSchema.parse({ proposalId, decision: "approve", reason: "" }), member))).message).toBe(REFUSED.notDecidedByVotes);
    await recordDecision(record(proposalId!), member);
    expect(await statusOf(link.id)).toBe("SUSPENDED");
    expect(await getDecisionNotice((await closingOf(proposalId!)).id)).toMatchObject({ route: "EXECUTIVE_MEMBER", maker: { member: "Cllr Ada Member" } });

    // Recorded by an officer on the member's behalf: a rejection, which needs a reason and changes nothing public.
    const second = await createAgreement();
    const { proposalId: rejectedId } = await applyCommand(suspension(second, { decisionRoute: "EXECUTIVE_MEMBER", executiveMemberId: member.id }), officer);
    await recordDecision(record(rejectedId!, { decision: "reject", reason: "The member decided to keep the link." }), colleague);
    expect(await statusOf(second.id)).toBe("ACTIVE");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: rejectedId } })).state).toBe("REJECTED");
    expect(await getDecisionNotice((await closingOf(rejectedId!)).id)).toBeNull();
  });

  it("officer under delegated powers: any officer or admin but the proposer; the notice names the officer and the delegation", async () => {
    const [officer, admin, councillor] = [await createStaff(), await createAdmin({ name: "Olive Officer" }), await createCouncillor()];
    const link = await createAgreement();
    const { proposalId } = await applyCommand(suspension(link, { decisionRoute: "OFFICER_DELEGATION", delegation: "Scheme of delegation 4.2" }), officer);
    expect((await refusal(recordDecision(record(proposalId!), officer))).message).toBe(REFUSED.fourEyes);
    expect((await refusal(recordDecision(record(proposalId!), councillor))).message).toBe(REFUSED.mayNotRecord);
    await recordDecision(record(proposalId!, { reference: "OD/2026/7" }), admin);
    expect(await statusOf(link.id)).toBe("SUSPENDED");
    const notice = await getDecisionNotice((await closingOf(proposalId!)).id);
    expect(notice).toMatchObject({ route: "OFFICER_DELEGATION", maker: { officer: "Olive Officer", delegation: "Scheme of delegation 4.2" }, reference: "OD/2026/7" });
  });
});

describe(`decision notices (${backend()})`, () => {
  it("publish approved, paused and amended links with the public reason and the record of decision; never a draft, a pending proposal, a rejection, a vote or an internal reason", async () => {
    const [officer, councillor] = [await createStaff(), await createCouncillor({ name: "Cllr Vera Vote" })];
    const vote = (proposalId: string, decision: "approve" | "reject", reason = "") => decideProposal(voteSchema.parse({ proposalId, decision, reason }), councillor);

    // A draft, and a draft submitted and still pending: nothing public.
    await createAgreement({ status: "DRAFT" });
    const pending = await createAgreement({ status: "DRAFT" });
    const { proposalId: pendingId } = await applyCommand(commandSchema.parse({ agreementId: pending.id, version: pending.version, command: "submit", reason: "Ready for approval." }), officer);
    // A rejected suspension, whose reason is internal.
    const kept = await createAgreement();
    const { proposalId: rejectedId } = await applyCommand(suspension(kept), officer);
    await vote(rejectedId!, "reject", "VOTE-REASON: not now");
    // An approved suspension: published.
    const paused = await createAgreement({ partnerName: "Volgograd" });
    const { proposalId: pausedId } = await applyCommand(suspension(paused), officer);
    await vote(pausedId!, "approve", "VOTE-REASON: agreed");

    // Its background papers: a public document attached to the proposal is listed, a private one is not.
    const sha256 = "a".repeat(64);
    await db.storedFile.create({ data: { sha256, size: 10 } });
    const paper = { agreementId: paused.id, sha256, type: "COMMITTEE_REPORT", mediaType: "application/pdf", size: 10, proposalId: pausedId } as const;
    const report = await db.document.create({ data: { ...paper, title: "Report to the Head of Culture", fileName: "report.pdf", isPublic: true } });
    await db.document.create({ data: { ...paper, title: "INTERNAL legal advice", fileName: "advice.pdf", isPublic: false } });

    const page = await listDecisionNotices(1);
    expect(page.items.map((notice) => [notice.partner.name, notice.outcome])).toEqual([["Volgograd", "paused"]]);
    expect(page.total).toBe(1);
    const notice = await getDecisionNotice(page.items[0]!.id);
    expect(notice).toMatchObject({
      outcome: "paused",
      publicReason: PUBLIC,
      route: "COUNCILLOR_VOTES",
      maker: { councillors: ["Cllr Vera Vote"] },
      alternativesConsidered: "Carrying on as before; ending the link.",
      conflictsOfInterest: "Cllr Example is a member of the twinning association.",
      backgroundPapers: [{ title: "Report to the Head of Culture", href: `/documents/${report.id}` }],
    });
    const published = JSON.stringify([page, notice]);
    expect(published).not.toContain("INTERNAL");
    expect(published).not.toContain("VOTE-REASON");

    // No notice for any other decision: the pending submission, the rejection, the votes, the proposals.
    const others = await db.decision.findMany({ where: { OR: [{ proposalId: { in: [pendingId!, rejectedId!] } }, { proposalId: pausedId, kind: { not: "STATUS_CHANGED" } }] }, select: { id: true } });
    expect(others.length).toBeGreaterThanOrEqual(5);
    for (const other of others) expect(await getDecisionNotice(other.id)).toBeNull();
    expect(await getDecisionNotice("not-a-uuid")).toBeNull();

    // An approved amendment is published too, newest first.
    const { proposalId: amendmentId } = await applyCommand(
      amendmentSchema.parse({
        agreementId: paused.id,
        version: (await db.agreement.findUniqueOrThrow({ where: { id: paused.id } })).version,
        command: "proposeAmendment",
        relationshipType: "TWIN_TOWN",
        title: "Volgograd and Coventry",
        purpose: "Exchange and friendship.",
        themes: ["CULTURE"],
        publicSummary: "",
        formalisedOn: "",
        reason: "A new name.",
      }),
      officer,
    );
    await vote(amendmentId!, "approve");
    expect((await listDecisionNotices(1)).items.map((item) => item.outcome)).toEqual(["amended", "paused"]);
  });
});
