// The agreement operations (lib/agreements) against a real database, on whichever back end this
// run uses: quorum, four-eyes, one vote each, optimistic concurrency, one open proposal, races,
// and all-or-nothing transactions.
import { beforeEach, describe, expect, it } from "vitest";
import { applyCommand } from "@/lib/agreements/apply-command";
import { createDraft } from "@/lib/agreements/create-draft";
import { decideProposal } from "@/lib/agreements/decide-proposal";
import { updateDraft } from "@/lib/agreements/update-draft";
import { db } from "@/lib/db";
import { appendDecision } from "@/lib/decisions/chain";
import { STALE_VERSION_MESSAGE } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { commandSchema, updateAgreementSchema, voteSchema, type CommandInput } from "@/lib/domain/validation/agreement";
import {
  backend,
  createAdmin,
  createAgreement,
  createCouncillor,
  createStaff,
  draftInput,
  reloadAgreement,
  resetDatabase,
  rowCounts,
  setApprovalsNeeded,
} from "../helpers/database";
import { refusal } from "../helpers/outcomes";

beforeEach(resetDatabase);

function command(agreementId: string, version: number, name: CommandInput["command"], extra: Record<string, string> = {}): CommandInput {
  const reasons = name === "submit" || name === "withdraw" ? { reason: "A good reason" } : { reason: "A good reason", publicReason: "A public reason" };
  return commandSchema.parse({ agreementId, version, command: name, ...reasons, ...extra });
}

function vote(proposalId: string, decision: "approve" | "reject", reason = "") {
  return voteSchema.parse({ proposalId, decision, reason });
}

/** A draft created and submitted by a staff member: the agreement is PENDING_APPROVAL with an open ACTIVATION proposal. */
async function submittedDraft(staff: Actor) {
  const { id } = await createDraft(draftInput(), staff);
  const { proposalId } = await applyCommand(command(id, 1, "submit"), staff);
  return { agreementId: id, proposalId: proposalId! };
}

async function decisionsOf(agreementId: string) {
  return db.decision.findMany({ where: { agreementId }, orderBy: { createdAt: "asc" }, select: { kind: true, actorId: true, fromStatus: true, toStatus: true } });
}

describe(`quorum (${backend()})`, () => {
  it("with approvalsNeeded = 2, one approval leaves the proposal open and the second activates", async () => {
    await setApprovalsNeeded(2);
    const staff = await createStaff();
    const [first, second] = [await createCouncillor(), await createCouncillor()];
    const { agreementId, proposalId } = await submittedDraft(staff);
    expect((await reloadAgreement(agreementId)).status).toBe("PENDING_APPROVAL");

    const one = await decideProposal(vote(proposalId, "approve"), first);
    expect(one.outcome).toBe("open");
    expect(one.remaining).toBe(1);
    expect((await reloadAgreement(agreementId)).status).toBe("PENDING_APPROVAL");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).state).toBe("OPEN");

    const two = await decideProposal(vote(proposalId, "approve"), second);
    expect(two.outcome).toBe("approved");
    const agreement = await reloadAgreement(agreementId);
    expect(agreement.status).toBe("ACTIVE");
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(proposal.state).toBe("APPROVED");
    expect(proposal.closedAt).not.toBeNull();
    const kinds = (await decisionsOf(agreementId)).map((decision) => decision.kind);
    expect(kinds).toEqual(["SUBMITTED", "APPROVED", "APPROVED", "STATUS_CHANGED"]);
    const statusChange = await db.decision.findFirstOrThrow({ where: { agreementId, kind: "STATUS_CHANGED" } });
    expect(agreement.statusDecisionId).toBe(statusChange.id);
    expect(statusChange).toMatchObject({ fromStatus: "PENDING_APPROVAL", toStatus: "ACTIVE" });
  });

  it("with the default quorum (1), one approval activates", async () => {
    const staff = await createStaff();
    const councillor = await createCouncillor();
    const { agreementId, proposalId } = await submittedDraft(staff);
    expect((await decideProposal(vote(proposalId, "approve"), councillor)).outcome).toBe("approved");
    expect((await reloadAgreement(agreementId)).status).toBe("ACTIVE");
  });

  it("one rejection ends the proposal, whatever the approvals, and returns the draft", async () => {
    await setApprovalsNeeded(2);
    const staff = await createStaff();
    const [first, second] = [await createCouncillor(), await createCouncillor()];
    const { agreementId, proposalId } = await submittedDraft(staff);
    await decideProposal(vote(proposalId, "approve"), first);
    const rejected = await decideProposal(vote(proposalId, "reject", "The partner has not confirmed."), second);
    expect(rejected.outcome).toBe("rejected");
    expect((await reloadAgreement(agreementId)).status).toBe("DRAFT");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).state).toBe("REJECTED");
    const third = await createCouncillor();
    expect((await refusal(decideProposal(vote(proposalId, "approve"), third))).message).toBe("This proposal has already been decided.");
  });

  it("suspension and reinstatement go through approval and keep the public reason", async () => {
    const staff = await createStaff();
    const councillor = await createCouncillor();
    const agreement = await createAgreement({ status: "ACTIVE" });
    const { proposalId } = await applyCommand(command(agreement.id, agreement.version, "proposeSuspension", { publicReason: "Paused while we review." }), staff);
    expect((await reloadAgreement(agreement.id)).status).toBe("ACTIVE");
    await decideProposal(vote(proposalId!, "approve"), councillor);
    const suspended = await reloadAgreement(agreement.id);
    expect(suspended.status).toBe("SUSPENDED");
    const decision = await db.decision.findUniqueOrThrow({ where: { id: suspended.statusDecisionId! } });
    expect(decision.publicReason).toBe("Paused while we review.");

    const { proposalId: reinstatement } = await applyCommand(command(agreement.id, suspended.version, "proposeReinstatement"), staff);
    await decideProposal(vote(reinstatement!, "approve"), councillor);
    expect((await reloadAgreement(agreement.id)).status).toBe("ACTIVE");
  });
});

describe(`four-eyes and who may vote (${backend()})`, () => {
  it("the proposer cannot decide their own proposal", async () => {
    const councillor = await createCouncillor();
    const agreement = await createAgreement({ status: "ACTIVE" });
    // Councillors cannot propose through the app, so the rule is exercised with a proposal
    // whose proposer is a councillor, written straight to the database.
    const proposal = await db.proposal.create({
      data: { agreementId: agreement.id, kind: "SUSPENSION", proposerId: councillor.id, reason: "Test", publicReason: "Test" },
    });
    const before = await rowCounts();
    const error = await refusal(decideProposal(vote(proposal.id, "approve"), councillor));
    expect(error.code).toBe("INVALID_TRANSITION");
    expect(error.message).toBe("You proposed this change, so you cannot decide it (four-eyes rule).");
    expect(await rowCounts()).toEqual(before);
    expect((await reloadAgreement(agreement.id)).status).toBe("ACTIVE");
  });

  it("staff and admins cannot vote, not even on someone else's proposal", async () => {
    const staff = await createStaff();
    const { proposalId } = await submittedDraft(staff);
    for (const voter of [await createStaff(), await createAdmin(), staff]) {
      const error = await refusal(decideProposal(vote(proposalId, "approve"), voter));
      expect(error.code).toBe("FORBIDDEN");
    }
    expect(await db.decision.count({ where: { kind: { in: ["APPROVED", "REJECTED"] } } })).toBe(0);
  });

  it("councillors cannot submit or propose", async () => {
    const councillor = await createCouncillor();
    const agreement = await createAgreement({ status: "ACTIVE" });
    const error = await refusal(applyCommand(command(agreement.id, agreement.version, "proposeSuspension"), councillor));
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe(`one vote each (${backend()})`, () => {
  it("a second vote by the same councillor is refused and not recorded", async () => {
    await setApprovalsNeeded(2);
    const staff = await createStaff();
    const councillor = await createCouncillor();
    const { agreementId, proposalId } = await submittedDraft(staff);
    await decideProposal(vote(proposalId, "approve"), councillor);
    const error = await refusal(decideProposal(vote(proposalId, "approve"), councillor));
    expect(error.message).toBe("You have already voted on this proposal.");
    const rejectAfterApprove = await refusal(decideProposal(vote(proposalId, "reject", "Changed my mind"), councillor));
    expect(rejectAfterApprove.message).toBe("You have already voted on this proposal.");
    expect(await db.decision.count({ where: { proposalId, kind: "APPROVED" } })).toBe(1);
    expect((await reloadAgreement(agreementId)).status).toBe("PENDING_APPROVAL");
  });

  it("the database itself refuses a duplicate vote row (voteKey is unique)", async () => {
    const staff = await createStaff();
    const councillor = await createCouncillor();
    const { agreementId, proposalId } = await submittedDraft(staff);
    const row = { agreementId, proposalId, kind: "APPROVED" as const, actorId: councillor.id, voteKey: `${proposalId}:${councillor.id}` };
    await appendDecision(db, row);
    await expect(appendDecision(db, row)).rejects.toThrow(/Decision_voteKey_key|voteKey/);
  });
});

describe(`optimistic concurrency (${backend()})`, () => {
  it("the second of two edits from the same version is refused and the first is kept", async () => {
    const [alice, bob] = [await createStaff(), await createStaff()];
    const { id } = await createDraft(draftInput({ purpose: "Original purpose." }), alice);
    const { version } = await reloadAgreement(id);
    const form = (purpose: string) => updateAgreementSchema.parse({ ...draftFormValues(), id, version, purpose });

    await updateDraft(form("Alice's purpose."), alice);
    const error = await refusal(updateDraft(form("Bob's purpose."), bob));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(STALE_VERSION_MESSAGE);

    const saved = await reloadAgreement(id);
    expect(saved.purpose).toBe("Alice's purpose.");
    expect(saved.version).toBe(version + 1);
    expect(await db.auditLog.count({ where: { action: "agreement.edit" } })).toBe(1);
  });

  it("a command against an old version is refused with the same message", async () => {
    const staff = await createStaff();
    const { id } = await createDraft(draftInput(), staff);
    await updateDraft(updateAgreementSchema.parse({ ...draftFormValues(), id, version: 1, purpose: "Edited." }), staff);
    const error = await refusal(applyCommand(command(id, 1, "submit"), staff));
    expect(error.message).toBe(STALE_VERSION_MESSAGE);
    expect((await reloadAgreement(id)).status).toBe("DRAFT");
  });

  it("two edits at the same moment: exactly one is saved", async () => {
    const [alice, bob] = [await createStaff(), await createStaff()];
    const { id } = await createDraft(draftInput(), alice);
    const results = await Promise.allSettled([
      updateDraft(updateAgreementSchema.parse({ ...draftFormValues(), id, version: 1, purpose: "Alice." }), alice),
      updateDraft(updateAgreementSchema.parse({ ...draftFormValues(), id, version: 1, purpose: "Bob." }), bob),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect((refused?.reason as Error).message).toBe(STALE_VERSION_MESSAGE);
    const saved = await reloadAgreement(id);
    expect(saved.version).toBe(2);
    expect(["Alice.", "Bob."]).toContain(saved.purpose);
  });
});

describe(`one open proposal per agreement (${backend()})`, () => {
  it("a second proposal is refused while one awaits a decision", async () => {
    const staff = await createStaff();
    const agreement = await createAgreement({ status: "ACTIVE" });
    await applyCommand(command(agreement.id, agreement.version, "proposeSuspension"), staff);
    const { version } = await reloadAgreement(agreement.id);
    const error = await refusal(applyCommand(command(agreement.id, version, "proposeTermination"), staff));
    expect(error.code).toBe("INVALID_TRANSITION");
    expect(error.message).toBe("This agreement already has a proposal awaiting a decision.");
    expect(await db.proposal.count({ where: { agreementId: agreement.id, state: "OPEN" } })).toBe(1);
  });

  it("two proposals raced onto one agreement: one wins, one open proposal", async () => {
    const [alice, bob] = [await createStaff(), await createStaff()];
    const agreement = await createAgreement({ status: "ACTIVE" });
    const results = await Promise.allSettled([
      applyCommand(command(agreement.id, agreement.version, "proposeSuspension"), alice),
      applyCommand(command(agreement.id, agreement.version, "proposeTermination"), bob),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.proposal.count({ where: { agreementId: agreement.id, state: "OPEN" } })).toBe(1);
    expect(await db.proposal.count({ where: { agreementId: agreement.id } })).toBe(1);
  });

  it("after a decision a new proposal may be made", async () => {
    const staff = await createStaff();
    const councillor = await createCouncillor();
    const agreement = await createAgreement({ status: "ACTIVE" });
    const { proposalId } = await applyCommand(command(agreement.id, agreement.version, "proposeSuspension"), staff);
    await decideProposal(vote(proposalId!, "reject", "Not justified."), councillor);
    const current = await reloadAgreement(agreement.id);
    expect(current.status).toBe("ACTIVE");
    await expect(applyCommand(command(agreement.id, current.version, "proposeTermination"), staff)).resolves.toMatchObject({ proposalId: expect.any(String) as unknown });
  });
});

describe(`concurrent approvals (${backend()})`, () => {
  it("two approvals at once with quorum 2: ACTIVE exactly once, one STATUS_CHANGED decision", async () => {
    await setApprovalsNeeded(2);
    const staff = await createStaff();
    const [first, second] = [await createCouncillor(), await createCouncillor()];
    const { agreementId, proposalId } = await submittedDraft(staff);
    const versionBefore = (await reloadAgreement(agreementId)).version;

    const outcomes = await Promise.all([decideProposal(vote(proposalId, "approve"), first), decideProposal(vote(proposalId, "approve"), second)]);
    expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(["approved", "open"]);

    const agreement = await reloadAgreement(agreementId);
    expect(agreement.status).toBe("ACTIVE");
    expect(agreement.version).toBe(versionBefore + 1);
    expect(await db.decision.count({ where: { agreementId, kind: "STATUS_CHANGED" } })).toBe(1);
    expect(await db.decision.count({ where: { agreementId, kind: "APPROVED" } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "agreement.status-change", entityId: agreementId } })).toBe(1);
  });

  it("two approvals at once with quorum 1: the second is told the proposal is decided", async () => {
    const staff = await createStaff();
    const [first, second] = [await createCouncillor(), await createCouncillor()];
    const { agreementId, proposalId } = await submittedDraft(staff);
    const results = await Promise.allSettled([decideProposal(vote(proposalId, "approve"), first), decideProposal(vote(proposalId, "approve"), second)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect((refused?.reason as Error).message).toBe("This proposal has already been decided.");
    expect((await reloadAgreement(agreementId)).status).toBe("ACTIVE");
    expect(await db.decision.count({ where: { agreementId, kind: "STATUS_CHANGED" } })).toBe(1);
    expect(await db.decision.count({ where: { agreementId, kind: "APPROVED" } })).toBe(1);
  });
});

describe(`all or nothing (${backend()})`, () => {
  it("a command whose last step fails leaves no rows behind", async () => {
    const staff = await createStaff();
    const { id } = await createDraft(draftInput(), staff);
    const before = await rowCounts();
    const agreementBefore = await reloadAgreement(id);
    // Make the audit row (the last write of applyCommand) fail inside the transaction.
    await db.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_audit"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused for a test'; END; $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_audit" BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "test_refuse_audit"()`);
    try {
      await expect(applyCommand(command(id, agreementBefore.version, "submit"), staff)).rejects.toThrow(/audit refused/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_refuse_audit" ON "AuditLog"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "test_refuse_audit"()`);
    }
    expect(await rowCounts()).toEqual(before);
    expect(await reloadAgreement(id)).toEqual(agreementBefore);
  });

  it("a vote whose status change fails leaves neither the vote nor the closed proposal", async () => {
    const staff = await createStaff();
    const councillor = await createCouncillor();
    const { agreementId, proposalId } = await submittedDraft(staff);
    const before = await rowCounts();
    await db.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_status"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'status change refused for a test'; END; $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_status" BEFORE UPDATE ON "Agreement" FOR EACH ROW EXECUTE FUNCTION "test_refuse_status"()`);
    try {
      await expect(decideProposal(vote(proposalId, "approve"), councillor)).rejects.toThrow(/status change refused/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_refuse_status" ON "Agreement"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "test_refuse_status"()`);
    }
    expect(await rowCounts()).toEqual(before);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).state).toBe("OPEN");
    expect((await reloadAgreement(agreementId)).status).toBe("PENDING_APPROVAL");
  });

  it("a draft whose agreement row breaks a database rule leaves no orphan partner", async () => {
    const staff = await createStaff();
    const before = await rowCounts();
    // Bypass the form's date check: the database's own CHECK refuses formalisedOn < linkBegan.
    const input = { ...draftInput(), linkBegan: new Date("1990-01-01T00:00:00Z"), formalisedOn: new Date("1980-01-01T00:00:00Z") };
    await expect(createDraft(input, staff)).rejects.toThrow();
    expect(await rowCounts()).toEqual(before);
  });
});

/** The draft form's fields as strings, as the browser sends them. */
function draftFormValues() {
  return {
    partnerName: "Poix-du-Nord",
    country: "FR",
    region: "Hauts-de-France",
    localityKind: "VILLAGE",
    relationshipType: "TWIN_TOWN",
    purpose: "Friendship.",
    themes: ["CULTURE"],
    linkBegan: "1920-01-01",
    formalisedOn: "1986-01-01",
    publicSummary: "",
    internalNotes: "",
  };
}
