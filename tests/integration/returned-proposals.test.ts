// Returned proposals (issue 21 item 4), on whichever back end this run uses: a proposal that
// councillors reject shows on its proposer's dashboard under "Returned to you", with the reason,
// until the proposer acts on that agreement; the councillor is told what changed; submitting again
// starts from the rejected proposal (the agreement page reads it from getAgreement).
import { beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
import { applyCommand } from "@/lib/agreements/apply-command";
import { decideProposal } from "@/lib/agreements/decide-proposal";
import { recordReview } from "@/lib/agreements/record-review";
import { getAgreement, listOpenProposals } from "@/lib/data/agreements";
import { getDashboard } from "@/lib/data/dashboard";
import { db } from "@/lib/db";
import { commandSchema, reviewSchema, voteSchema, type CommandInput } from "@/lib/domain/validation/agreement";
import { createAgreement, createCouncillor, createStaff, resetDatabase } from "../helpers/database";

beforeEach(resetDatabase);

async function version(agreementId: string): Promise<number> {
  return (await db.agreement.findUniqueOrThrow({ where: { id: agreementId } })).version;
}

async function propose(agreementId: string, name: CommandInput["command"], actor: Awaited<ReturnType<typeof createStaff>>, extra: Record<string, string> = {}) {
  const reasons = name === "submit" ? { reason: "The schools asked for it." } : { reason: "The partner council was dissolved.", publicReason: "Paused while the council is re-formed." };
  return applyCommand(commandSchema.parse({ agreementId, version: await version(agreementId), command: name, ...reasons, ...extra }), actor);
}

async function reject(proposalId: string, councillor: Awaited<ReturnType<typeof createCouncillor>>, reason: string) {
  return decideProposal(voteSchema.parse({ proposalId, decision: "reject", reason }), councillor);
}

describe("a rejected proposal", () => {
  it("is returned to its proposer as a draft, with the reason, until they submit again", async () => {
    const [officer, otherOfficer, councillor] = [await createStaff(), await createStaff(), await createCouncillor()];
    const draft = await createAgreement({ status: "DRAFT", createdBy: officer });
    const { proposalId } = await propose(draft.id, "submit", officer, { alternativesConsidered: "A friendship link only." });

    const outcome = await reject(proposalId!, councillor, "Ask the partner to confirm the school exchange first.");
    expect(outcome).toMatchObject({ outcome: "rejected", confirmation: "vote.rejected-to-draft" });

    const { returned } = await getDashboard(officer);
    expect(returned).toEqual([expect.objectContaining({ id: proposalId, kind: "ACTIVATION", agreementId: draft.id, rejectionReason: "Ask the partner to confirm the school exchange first." })]);
    expect(returned[0]!.closedAt).toBeInstanceOf(Date);
    expect((await getDashboard(otherOfficer)).returned).toEqual([]);
    expect((await getDashboard(councillor)).returned).toEqual([]);

    // The page's resubmission reads the rejected proposal's fields from the agreement.
    const agreement = await getAgreement(draft.id);
    expect(agreement?.proposals.find((proposal) => proposal.state === "REJECTED")).toMatchObject({ reason: "The schools asked for it.", alternativesConsidered: "A friendship link only." });

    await propose(draft.id, "submit", officer);
    expect((await getDashboard(officer)).returned).toEqual([]);
  });

  it("of a suspension leaves the link Active, is returned until the proposer acts on it (a review), and shows to the councillors deciding the next", async () => {
    const [officer, councillor] = [await createStaff(), await createCouncillor()];
    const active = await createAgreement({ createdBy: officer });
    const { proposalId } = await propose(active.id, "proposeSuspension", officer);
    expect(await reject(proposalId!, councillor, "Wait for the elections.")).toMatchObject({ confirmation: "vote.rejected" });
    expect((await db.agreement.findUniqueOrThrow({ where: { id: active.id } })).status).toBe("ACTIVE");
    expect((await getDashboard(officer)).returned.map((item) => item.rejectionReason)).toEqual(["Wait for the elections."]);

    // The next proposal on the link shows councillors the earlier rejection and its votes.
    await propose(active.id, "proposeTermination", officer);
    const [open] = await listOpenProposals();
    expect(open?.agreement.proposals).toEqual([
      expect.objectContaining({ id: proposalId, kind: "SUSPENSION", decisions: [expect.objectContaining({ kind: "REJECTED", reason: "Wait for the elections.", actor: { name: councillor.name } })] }),
    ]);
    // Proposing again on the link was acting on it.
    expect((await getDashboard(officer)).returned).toEqual([]);
  });

  it("is no longer returned once its proposer records a review of the link", async () => {
    const [officer, councillor] = [await createStaff(), await createCouncillor()];
    const active = await createAgreement({ createdBy: officer });
    const { proposalId } = await propose(active.id, "proposeSuspension", officer);
    await reject(proposalId!, councillor, "Not now.");
    expect((await getDashboard(officer)).returned).toHaveLength(1);
    const next = new Date();
    next.setUTCFullYear(next.getUTCFullYear() + 2);
    await recordReview(reviewSchema.parse({ agreementId: active.id, version: String(await version(active.id)), outcome: "CONTINUE", nextReviewDate: next.toISOString().slice(0, 10) }), officer);
    expect((await getDashboard(officer)).returned).toEqual([]);
  });
});
