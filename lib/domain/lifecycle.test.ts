import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProposalKind, Role } from "@/generated/prisma/enums";
import {
  availableCommands,
  canCorrectDetails,
  canRecordConfirmation,
  checkCommand,
  checkVote,
  COMMANDS,
  FINAL_STATUSES,
  isPartnerConfirmed,
  isPubliclyVisible,
  PUBLIC_STATUSES,
  statusAfter,
  statusLabel,
  STATUSES,
  tally,
  type Command,
  type Status,
  type Vote,
} from "./lifecycle";

/** What each command may do, from which status (DESIGN.md's diagram). */
const ALLOWED: Record<Command, Partial<Record<Status, { proposal: ProposalKind; whileOpen: Status } | { status: Status }>>> = {
  submit: { DRAFT: { proposal: "ACTIVATION", whileOpen: "PENDING_APPROVAL" } },
  withdraw: { DRAFT: { status: "WITHDRAWN" } },
  proposeSuspension: { ACTIVE: { proposal: "SUSPENSION", whileOpen: "ACTIVE" } },
  proposeReinstatement: { SUSPENDED: { proposal: "REINSTATEMENT", whileOpen: "SUSPENDED" } },
  proposeTermination: {
    ACTIVE: { proposal: "TERMINATION", whileOpen: "ACTIVE" },
    SUSPENDED: { proposal: "TERMINATION", whileOpen: "SUSPENDED" },
  },
  // New terms for a link in force or paused; its status stays.
  proposeAmendment: {
    ACTIVE: { proposal: "AMENDMENT", whileOpen: "ACTIVE" },
    SUSPENDED: { proposal: "AMENDMENT", whileOpen: "SUSPENDED" },
  },
};

/** Every status change the diagram draws (from → to). */
const EDGES = new Set([
  "DRAFT→PENDING_APPROVAL",
  "DRAFT→WITHDRAWN",
  "PENDING_APPROVAL→ACTIVE",
  "PENDING_APPROVAL→DRAFT",
  "ACTIVE→SUSPENDED",
  "SUSPENDED→ACTIVE",
  "ACTIVE→TERMINATED",
  "SUSPENDED→TERMINATED",
]);

describe("checkCommand", () => {
  const cases = COMMANDS.flatMap((command) => STATUSES.map((status) => [command, status] as const));

  it.each(cases)("%s from %s without an open proposal follows the diagram", (command, status) => {
    const expected = ALLOWED[command][status];
    const outcome = checkCommand(command, status, false);
    if (!expected) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason).not.toBe("");
      return;
    }
    if ("status" in expected) {
      expect(outcome).toEqual({ ok: true, kind: "status", status: expected.status });
    } else {
      expect(outcome).toEqual({ ok: true, kind: "proposal", proposal: expected.proposal, statusWhileOpen: expected.whileOpen });
    }
  });

  it.each(cases)("%s from %s is refused while a proposal is open", (command, status) => {
    const outcome = checkCommand(command, status, true);
    expect(outcome.ok).toBe(false);
  });

  it.each(FINAL_STATUSES.flatMap((status) => COMMANDS.map((command) => [command, status] as const)))("%s from final status %s says the status is final", (command, status) => {
    const outcome = checkCommand(command, status, false);
    expect(outcome).toEqual({ ok: false, reason: expect.stringContaining("final") as unknown });
  });

  it("names the command and the status when a command does not fit", () => {
    expect(checkCommand("proposeReinstatement", "ACTIVE", false)).toEqual({
      ok: false,
      reason: "“Propose reinstatement” is not possible while the agreement is active.",
    });
  });

  it("says a proposal is already awaiting a decision", () => {
    expect(checkCommand("proposeTermination", "ACTIVE", true)).toEqual({ ok: false, reason: "This agreement already has a proposal awaiting a decision." });
  });
});

describe("availableCommands", () => {
  it("offers staff and admins exactly the allowed commands", () => {
    for (const role of ["STAFF", "ADMIN"] as const) {
      for (const status of STATUSES) {
        const expected = COMMANDS.filter((command) => ALLOWED[command][status] !== undefined);
        expect(availableCommands(status, false, role)).toEqual(expected);
        expect(availableCommands(status, true, role)).toEqual([]);
      }
    }
  });

  it("offers councillors no commands: they decide, they do not propose", () => {
    for (const status of STATUSES) expect(availableCommands(status, false, "COUNCILLOR")).toEqual([]);
  });
});

describe("tally (quorum)", () => {
  const approve = (voterId: string): Vote => ({ voterId, approve: true });
  const reject = (voterId: string): Vote => ({ voterId, approve: false });

  it("stays open with no votes", () => {
    expect(tally([], 1)).toBe("open");
    expect(tally([], 2)).toBe("open");
  });

  it("is approved when the approvals reach the quorum", () => {
    expect(tally([approve("a")], 1)).toBe("approved");
    expect(tally([approve("a")], 2)).toBe("open");
    expect(tally([approve("a"), approve("b")], 2)).toBe("approved");
    expect(tally([approve("a"), approve("b")], 3)).toBe("open");
    expect(tally([approve("a"), approve("b"), approve("c")], 3)).toBe("approved");
  });

  it("is rejected by one rejection, whatever the approvals", () => {
    expect(tally([reject("a")], 1)).toBe("rejected");
    expect(tally([approve("a"), reject("b")], 2)).toBe("rejected");
    expect(tally([approve("a"), approve("b"), reject("c")], 2)).toBe("rejected");
  });
});

describe("checkVote", () => {
  const base = { voterId: "c1", voterRole: "COUNCILLOR" as Role, proposerId: "s1", open: true, votes: [] as Vote[], approve: true, reason: undefined as string | undefined };

  it("lets a councillor approve an open proposal, with or without a reason", () => {
    expect(checkVote(base)).toEqual({ ok: true });
    expect(checkVote({ ...base, reason: "Agreed at committee" })).toEqual({ ok: true });
  });

  it("lets a councillor reject with a reason", () => {
    expect(checkVote({ ...base, approve: false, reason: "Not now" })).toEqual({ ok: true });
  });

  it.each(["STAFF", "ADMIN"] as const)("refuses a vote from a non-councillor (%s)", (role) => {
    expect(checkVote({ ...base, voterRole: role })).toEqual({ ok: false, reason: "Only councillors decide proposals." });
  });

  it("refuses the proposer's own vote (four-eyes rule)", () => {
    expect(checkVote({ ...base, proposerId: "c1" })).toEqual({ ok: false, reason: "You proposed this change, so you cannot decide it (four-eyes rule)." });
    expect(checkVote({ ...base, proposerId: "c1", approve: false, reason: "No" }).ok).toBe(false);
  });

  it("refuses a second vote by the same member", () => {
    expect(checkVote({ ...base, votes: [{ voterId: "c1", approve: true }] })).toEqual({ ok: false, reason: "You have already voted on this proposal." });
    expect(checkVote({ ...base, votes: [{ voterId: "c2", approve: true }] })).toEqual({ ok: true });
  });

  it("refuses a vote on a decided proposal", () => {
    expect(checkVote({ ...base, open: false })).toEqual({ ok: false, reason: "This proposal has already been decided." });
  });

  it("refuses a rejection without a reason", () => {
    expect(checkVote({ ...base, approve: false })).toEqual({ ok: false, reason: "Enter a reason for rejecting the proposal" });
    expect(checkVote({ ...base, approve: false, reason: "   " }).ok).toBe(false);
  });
});

describe("statusAfter", () => {
  it.each([
    ["ACTIVATION", "approved", "PENDING_APPROVAL", "ACTIVE"],
    ["ACTIVATION", "rejected", "PENDING_APPROVAL", "DRAFT"],
    ["SUSPENSION", "approved", "ACTIVE", "SUSPENDED"],
    ["SUSPENSION", "rejected", "ACTIVE", "ACTIVE"],
    ["REINSTATEMENT", "approved", "SUSPENDED", "ACTIVE"],
    ["REINSTATEMENT", "rejected", "SUSPENDED", "SUSPENDED"],
    ["TERMINATION", "approved", "ACTIVE", "TERMINATED"],
    ["TERMINATION", "approved", "SUSPENDED", "TERMINATED"],
    ["TERMINATION", "rejected", "ACTIVE", "ACTIVE"],
    ["TERMINATION", "rejected", "SUSPENDED", "SUSPENDED"],
    ["AMENDMENT", "approved", "ACTIVE", "ACTIVE"],
    ["AMENDMENT", "approved", "SUSPENDED", "SUSPENDED"],
    ["AMENDMENT", "rejected", "ACTIVE", "ACTIVE"],
    ["AMENDMENT", "rejected", "SUSPENDED", "SUSPENDED"],
  ] as const)("%s %s from %s → %s", (kind, outcome, from, to) => {
    expect(statusAfter(kind, outcome, from)).toBe(to);
  });
});

describe("labels and visibility", () => {
  it("labels every status as the UI shows it", () => {
    expect(STATUSES.map(statusLabel)).toEqual(["Draft", "Pending approval", "Active", "Suspended", "Terminated", "Withdrawn"]);
  });

  it("shows current, paused and former links publicly, never drafts", () => {
    expect(STATUSES.filter(isPubliclyVisible)).toEqual(["ACTIVE", "SUSPENDED", "TERMINATED"]);
    expect(PUBLIC_STATUSES).toEqual(["ACTIVE", "SUSPENDED", "TERMINATED"]);
  });

  it("treats terminated and withdrawn as final", () => {
    expect([...FINAL_STATUSES].sort()).toEqual(["TERMINATED", "WITHDRAWN"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever anyone tries, in any order, the status follows the diagram.

type Person = { id: string; role: Role };
const PEOPLE: Person[] = [
  { id: "staff-1", role: "STAFF" },
  { id: "staff-2", role: "STAFF" },
  { id: "admin-1", role: "ADMIN" },
  { id: "cllr-1", role: "COUNCILLOR" },
  { id: "cllr-2", role: "COUNCILLOR" },
  { id: "cllr-3", role: "COUNCILLOR" },
];

type Step =
  | { type: "command"; command: Command; by: Person }
  | { type: "vote"; by: Person; approve: boolean; reason: string };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant("command" as const), command: fc.constantFrom(...COMMANDS), by: fc.constantFrom(...PEOPLE) }),
  fc.record({ type: fc.constant("vote" as const), by: fc.constantFrom(...PEOPLE), approve: fc.boolean(), reason: fc.constantFrom("", "  ", "A reason") }),
);

type Model = { status: Status; proposal: { kind: ProposalKind; proposerId: string; votes: Vote[] } | null };

/** Applies one step the way the operations do (lib/agreements): permission, lifecycle check, effect. */
function apply(model: Model, step: Step, approvalsNeeded: number): Model {
  if (step.type === "command") {
    if (step.by.role === "COUNCILLOR") return model; // requirePermission refuses
    const outcome = checkCommand(step.command, model.status, model.proposal !== null);
    if (!outcome.ok) return model;
    if (outcome.kind === "status") return { status: outcome.status, proposal: null };
    return { status: outcome.statusWhileOpen, proposal: { kind: outcome.proposal, proposerId: step.by.id, votes: [] } };
  }
  if (!model.proposal) return model; // no proposal to vote on
  const proposal = model.proposal;
  const check = checkVote({
    voterId: step.by.id,
    voterRole: step.by.role,
    proposerId: proposal.proposerId,
    open: true,
    votes: proposal.votes,
    approve: step.approve,
    reason: step.reason,
  });
  if (!check.ok) return model;
  const votes = [...proposal.votes, { voterId: step.by.id, approve: step.approve }];
  const outcome = tally(votes, approvalsNeeded);
  if (outcome === "open") return { status: model.status, proposal: { ...proposal, votes } };
  return { status: statusAfter(proposal.kind, outcome, model.status), proposal: null };
}

describe("lifecycle property", () => {
  it("never reaches a status outside the diagram and never leaves a final status", () => {
    fc.assert(
      fc.property(fc.constantFrom<Status>("DRAFT", "ACTIVE", "SUSPENDED"), fc.integer({ min: 1, max: 3 }), fc.array(stepArbitrary, { maxLength: 60 }), (start, approvalsNeeded, steps) => {
        let model: Model = { status: start, proposal: null };
        for (const step of steps) {
          const next = apply(model, step, approvalsNeeded);
          expect(STATUSES).toContain(next.status);
          if (FINAL_STATUSES.includes(model.status)) {
            expect(next.status).toBe(model.status);
            expect(next.proposal).toBeNull();
          }
          if (next.status !== model.status) {
            expect(EDGES.has(`${model.status}→${next.status}`)).toBe(true);
            // Only submit and withdraw change a status directly; the rest go through a decided proposal.
            if (step.type === "command") expect(step.command === "submit" || step.command === "withdraw").toBe(true);
            else expect(step.by.role).toBe("COUNCILLOR");
          }
          if (next.proposal) {
            // The proposer never counts among the votes, and nobody votes twice.
            const voters = next.proposal.votes.map((vote) => vote.voterId);
            expect(voters).not.toContain(next.proposal.proposerId);
            expect(new Set(voters).size).toBe(voters.length);
          }
          model = next;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reaches every status of the diagram from a draft", () => {
    const reached = new Set<Status>();
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 40 }), (steps) => {
        let model: Model = { status: "DRAFT", proposal: null };
        reached.add(model.status);
        for (const step of steps) {
          model = apply(model, step, 1);
          reached.add(model.status);
        }
      }),
      { numRuns: 2000, seed: 2026 },
    );
    expect([...reached].sort()).toEqual([...STATUSES].sort());
  });
});

describe("the partner's confirmation", () => {
  // Issue 21 item 3: recorded at any time before the link ends, by those who edit links.
  const OFFERED: Record<Status, boolean> = { DRAFT: true, PENDING_APPROVAL: true, ACTIVE: true, SUSPENDED: true, TERMINATED: false, WITHDRAWN: false };

  it.each(STATUSES)("is offered on a %s agreement to staff and admins only when it is not final", (status) => {
    expect(canRecordConfirmation(status, "STAFF")).toBe(OFFERED[status]);
    expect(canRecordConfirmation(status, "ADMIN")).toBe(OFFERED[status]);
    expect(canRecordConfirmation(status, "COUNCILLOR")).toBe(false);
  });

  it("counts a link as confirmed by the partner's decision date or its reference", () => {
    expect(isPartnerConfirmed({ partnerDecisionDate: null, partnerDecisionReference: null })).toBe(false);
    expect(isPartnerConfirmed({ partnerDecisionDate: null, partnerDecisionReference: "" })).toBe(false);
    expect(isPartnerConfirmed({ partnerDecisionDate: new Date("1967-01-01"), partnerDecisionReference: null })).toBe(true);
    expect(isPartnerConfirmed({ partnerDecisionDate: null, partnerDecisionReference: "Ratsversammlung 1967/4" })).toBe(true);
  });
});

describe("correcting details", () => {
  // Issue 21 item 1: what is not a term of an Active or Suspended link is corrected at once, by those who edit links; a draft is edited whole.
  const OFFERED: Record<Status, boolean> = { DRAFT: false, PENDING_APPROVAL: false, ACTIVE: true, SUSPENDED: true, TERMINATED: false, WITHDRAWN: false };

  it.each(STATUSES)("is offered on a %s agreement to staff and admins, never to councillors", (status) => {
    expect(canCorrectDetails(status, "STAFF")).toBe(OFFERED[status]);
    expect(canCorrectDetails(status, "ADMIN")).toBe(OFFERED[status]);
    expect(canCorrectDetails(status, "COUNCILLOR")).toBe(false);
  });

  it("offers “Propose amendment” to staff on Active and Suspended links only, and never beside an open proposal", () => {
    for (const status of STATUSES) expect(availableCommands(status, false, "STAFF").includes("proposeAmendment")).toBe(status === "ACTIVE" || status === "SUSPENDED");
    expect(availableCommands("ACTIVE", true, "STAFF")).toEqual([]);
    expect(availableCommands("ACTIVE", false, "COUNCILLOR")).toEqual([]);
  });
});
