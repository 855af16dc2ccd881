// The status lifecycle of an agreement: the one place that says which status may follow which.
// Pure: no database, no framework. The UI asks it which buttons to show; the operations ask it
// whether a change is allowed. Who may do what is lib/domain/permissions.ts's table, read from here.
import type { AgreementStatus, DecisionKind, ProposalKind, ReviewOutcome, Role } from "@/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/domain/labels";
import { REFUSED, REFUSED_IN_STATUS } from "@/lib/domain/errors";
import { can, type Permission } from "@/lib/domain/permissions";
import { validationMessage } from "@/lib/domain/validation/messages";

export type Status = AgreementStatus;
export const STATUSES: readonly Status[] = ["DRAFT", "PENDING_APPROVAL", "ACTIVE", "SUSPENDED", "TERMINATED", "WITHDRAWN"];
export const FINAL_STATUSES: readonly Status[] = ["TERMINATED", "WITHDRAWN"];

/**
 * The statuses shown on the public pages (current, paused and former links), in the order they
 * are listed. The one list: the public reads (also in SQL), the iCalendar feed, the agreement
 * page's link to its public page and the scale seed all use it or isPubliclyVisible.
 */
export const PUBLIC_STATUSES = ["ACTIVE", "SUSPENDED", "TERMINATED"] as const satisfies readonly Status[];
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export function isPubliclyVisible(status: Status): status is PublicStatus {
  return (PUBLIC_STATUSES as readonly Status[]).includes(status);
}

/** What staff may do to an agreement directly. */
export type Command = "submit" | "withdraw" | "proposeSuspension" | "proposeReinstatement" | "proposeTermination" | "proposeAmendment";
export const COMMANDS: readonly Command[] = ["submit", "withdraw", "proposeSuspension", "proposeReinstatement", "proposeTermination", "proposeAmendment"];

/** The command that proposes new terms: its form carries them (amendmentSchema) besides the reasons. */
export const AMENDMENT_COMMAND = "proposeAmendment" satisfies Command;

/** The commands whose form is the reasons alone (commandSchema). */
export const STATUS_COMMANDS = COMMANDS.filter((command): command is Exclude<Command, typeof AMENDMENT_COMMAND> => command !== AMENDMENT_COMMAND);

type ReasonRule = "required" | "optional" | "none";

type CommandRule = {
  label: string;
  /** Who may use it: lib/domain/permissions.ts's ROLE_PERMISSIONS says which roles hold it. */
  permission: Permission;
  from: readonly Status[];
  /** A proposal this command opens, or the status it sets at once. */
  effect: { proposal: ProposalKind } | { status: Status };
  reason: ReasonRule;
  publicReason: ReasonRule;
};

export const COMMAND_RULES: Record<Command, CommandRule> = {
  submit: { label: "Submit for approval", permission: "agreement:submit", from: ["DRAFT"], effect: { proposal: "ACTIVATION" }, reason: "required", publicReason: "none" },
  withdraw: { label: "Withdraw draft", permission: "agreement:withdraw", from: ["DRAFT"], effect: { status: "WITHDRAWN" }, reason: "optional", publicReason: "none" },
  proposeSuspension: { label: "Propose suspension", permission: "agreement:propose", from: ["ACTIVE"], effect: { proposal: "SUSPENSION" }, reason: "required", publicReason: "required" },
  proposeReinstatement: { label: "Propose reinstatement", permission: "agreement:propose", from: ["SUSPENDED"], effect: { proposal: "REINSTATEMENT" }, reason: "required", publicReason: "required" },
  proposeTermination: { label: "Propose termination", permission: "agreement:propose", from: ["ACTIVE", "SUSPENDED"], effect: { proposal: "TERMINATION" }, reason: "required", publicReason: "required" },
  proposeAmendment: { label: "Propose amendment", permission: "agreement:propose", from: ["ACTIVE", "SUSPENDED"], effect: { proposal: "AMENDMENT" }, reason: "required", publicReason: "none" },
};

type ProposalRule = {
  /** Shown as "Proposed: …". */
  noun: string;
  /** The status while the proposal is open (submit moves a draft to PENDING_APPROVAL). */
  whileOpen: (from: Status) => Status;
  onApproved: (from: Status) => Status;
  onRejected: (from: Status) => Status;
};

export const PROPOSAL_RULES: Record<ProposalKind, ProposalRule> = {
  ACTIVATION: { noun: "approval", whileOpen: () => "PENDING_APPROVAL", onApproved: () => "ACTIVE", onRejected: () => "DRAFT" },
  SUSPENSION: { noun: "suspension", whileOpen: (from) => from, onApproved: () => "SUSPENDED", onRejected: (from) => from },
  REINSTATEMENT: { noun: "reinstatement", whileOpen: (from) => from, onApproved: () => "ACTIVE", onRejected: (from) => from },
  TERMINATION: { noun: "termination", whileOpen: (from) => from, onApproved: () => "TERMINATED", onRejected: (from) => from },
  // New terms, not a new status: an Active link stays Active, a Suspended one Suspended.
  AMENDMENT: { noun: "amendment", whileOpen: (from) => from, onApproved: (from) => from, onRejected: (from) => from },
};

/**
 * A link brought in from the council's own register (the spreadsheet import) is one already in
 * force: it enters the lifecycle Active, with no status before it, recorded by an IMPORTED
 * decision rather than a proposal councillors approved here.
 */
export const IMPORT_RULE = { status: "ACTIVE", fromStatus: null, decision: "IMPORTED" } as const satisfies { status: Status; fromStatus: Status | null; decision: DecisionKind };

/** Who may vote on a proposal. */
export const VOTE_PERMISSION: Permission = "proposal:decide";

/** A rejection needs a reason (an approval may carry one): the vote form and checkVote say it in these words. */
export const REJECTION_REASON_MESSAGE = validationMessage("enter.rejectionReason");

export function rejectionLacksReason(vote: { approve: boolean; reason: string | undefined }): boolean {
  return !vote.approve && !vote.reason?.trim();
}

export type Refusal = { ok: false; reason: string };
export type CommandOutcome =
  | { ok: true; kind: "proposal"; proposal: ProposalKind; statusWhileOpen: Status }
  | { ok: true; kind: "status"; status: Status };

/** "“Propose suspension” is not possible while the agreement is draft.", per command and status, worded in each language by messages/validation. */
const NOT_POSSIBLE_WHILE = Object.fromEntries(
  COMMANDS.map((command) => [command, Object.fromEntries(STATUSES.map((status) => [status, validationMessage("refused.notWhile", { command, status })]))]),
) as Record<Command, Record<Status, string>>;

/** May this command run on an agreement in this state? */
export function checkCommand(command: Command, status: Status, hasOpenProposal: boolean): CommandOutcome | Refusal {
  const rule = COMMAND_RULES[command];
  if (FINAL_STATUSES.includes(status)) return { ok: false, reason: REFUSED_IN_STATUS.final[status] };
  if (hasOpenProposal) return { ok: false, reason: REFUSED.openProposal };
  if (!rule.from.includes(status)) return { ok: false, reason: NOT_POSSIBLE_WHILE[command][status] };
  const effect = rule.effect;
  return "proposal" in effect
    ? { ok: true, kind: "proposal", proposal: effect.proposal, statusWhileOpen: PROPOSAL_RULES[effect.proposal].whileOpen(status) }
    : { ok: true, kind: "status", status: effect.status };
}

/** The commands to offer on an agreement page. */
export function availableCommands(status: Status, hasOpenProposal: boolean, role: Role): Command[] {
  return COMMANDS.filter((command) => can({ role }, COMMAND_RULES[command].permission) && checkCommand(command, status, hasOpenProposal).ok);
}

export type Vote = { voterId: string; approve: boolean };

export type VoteCheck = { ok: true } | Refusal;

/** The four-eyes rule, one vote per member, and only councillors vote on open proposals. */
export function checkVote(input: { voterId: string; voterRole: Role; proposerId: string; open: boolean; votes: readonly Vote[]; approve: boolean; reason: string | undefined }): VoteCheck {
  if (!can({ role: input.voterRole }, VOTE_PERMISSION)) return { ok: false, reason: REFUSED.onlyCouncillors };
  if (!input.open) return { ok: false, reason: REFUSED.decided };
  if (input.voterId === input.proposerId) return { ok: false, reason: REFUSED.fourEyes };
  if (input.votes.some((vote) => vote.voterId === input.voterId)) return { ok: false, reason: REFUSED.voted };
  if (rejectionLacksReason(input)) return { ok: false, reason: REJECTION_REASON_MESSAGE };
  return { ok: true };
}

export type Tally = "open" | "approved" | "rejected";

/** One rejection ends a proposal; the quorum of approvals carries it. */
export function tally(votes: readonly Vote[], approvalsNeeded: number): Tally {
  if (votes.some((vote) => !vote.approve)) return "rejected";
  return votes.filter((vote) => vote.approve).length >= approvalsNeeded ? "approved" : "open";
}

/** The status once a proposal closes. */
export function statusAfter(kind: ProposalKind, outcome: Exclude<Tally, "open">, from: Status): Status {
  const rule = PROPOSAL_RULES[kind];
  return outcome === "approved" ? rule.onApproved(from) : rule.onRejected(from);
}

/** A review date counts as due this many days ahead (and overdue after it), while the link is Active or Suspended. */
export const REVIEW_WINDOW_DAYS = 90;

/**
 * The proposal a resubmission of `command` starts from: the latest of its kind, when councillors
 * rejected it (the one "Returned to you" shows); one approved or withdrawn since leaves nothing to resume.
 */
export function returnedProposal<P extends { kind: ProposalKind; state: string }>(proposals: readonly P[], command: Command): P | undefined {
  const effect = COMMAND_RULES[command].effect;
  if (!("proposal" in effect)) return undefined;
  const latest = proposals.findLast((proposal) => proposal.kind === effect.proposal);
  return latest?.state === "REJECTED" ? latest : undefined;
}

export function statusLabel(status: Status): string {
  return STATUS_LABELS[status];
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

/** The statuses in which a link is reviewed ("Record a review"): while it is in force or paused. */
export const REVIEWABLE_STATUSES: readonly Status[] = ["ACTIVE", "SUSPENDED"];

/** What a review may conclude, in the order the form offers them. */
export const REVIEW_OUTCOMES = ["CONTINUE", "CONTINUE_WITH_CHANGES", "RECOMMEND_ENDING"] as const satisfies readonly ReviewOutcome[];

/** Who may record a review: those who may propose changes to a link. */
export const REVIEW_PERMISSION: Permission = "agreement:propose";

/** Why a review is refused on an agreement in another status. */
export const NOT_REVIEWABLE_MESSAGE = validationMessage("check.notReviewable");

/** Whether "Record a review" is offered on an agreement page. */
export function canRecordReview(status: Status, role: Role): boolean {
  return REVIEWABLE_STATUSES.includes(status) && can({ role }, REVIEW_PERMISSION);
}

/** The statuses in which the partner's confirmation may be recorded: any that is not final. */
export const CONFIRMABLE_STATUSES: readonly Status[] = STATUSES.filter((status) => !FINAL_STATUSES.includes(status));

/** Who may record the partner's confirmation: those who may edit a link's details. */
export const CONFIRMATION_PERMISSION: Permission = "agreement:edit";

/** Why the partner's confirmation is refused on a terminated or withdrawn agreement. */
export const NOT_CONFIRMABLE_MESSAGE = validationMessage("check.notConfirmable");

/** Whether "Record partner confirmation" is offered on an agreement page. */
export function canRecordConfirmation(status: Status, role: Role): boolean {
  return CONFIRMABLE_STATUSES.includes(status) && can({ role }, CONFIRMATION_PERMISSION);
}

/** Whether a link carries the partner's own decision (its date or its reference): "Confirmed by both councils". */
export function isPartnerConfirmed(agreement: { partnerDecisionDate: Date | string | null; partnerDecisionReference: string | null }): boolean {
  return agreement.partnerDecisionDate !== null || Boolean(agreement.partnerDecisionReference);
}

/** The statuses in which details that are not terms are corrected directly ("Correct details"); a draft is edited whole. */
export const CORRECTABLE_STATUSES: readonly Status[] = ["ACTIVE", "SUSPENDED"];

/** Who may correct a link's details: those who may edit a link. */
export const CORRECTION_PERMISSION: Permission = "agreement:edit";

/** Who may be a link's lead officer: an active user whose role may edit links. */
export const LEAD_OFFICER_PERMISSION: Permission = "agreement:edit";

/** Why a correction is refused on an agreement in another status. */
export const NOT_CORRECTABLE_MESSAGE = validationMessage("check.notCorrectable");

/** Whether "Correct details" is offered on an agreement page. */
export function canCorrectDetails(status: Status, role: Role): boolean {
  return CORRECTABLE_STATUSES.includes(status) && can({ role }, CORRECTION_PERMISSION);
}
