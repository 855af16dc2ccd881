import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { paperHashes } from "@/lib/documents/papers";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { checkVote, statusAfter, tally, type Vote } from "@/lib/domain/lifecycle";
import { enqueueDecisionReached } from "@/lib/notifications/enqueue";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { readSettings } from "@/lib/settings";
import type { VoteInput } from "@/lib/domain/validation/agreement";
import type { AgreementStatus, ProposalKind } from "@/generated/prisma/enums";
import type { Confirmation } from "@/lib/web/confirmations";
import { amendedTerms, fieldChanges, readTermChanges, AMENDABLE_TERMS, type FieldChanges, type Term } from "@/lib/domain/term-changes";
import type { Tx } from "@/lib/db";
import { routeRecord, type RouteRecord } from "@/lib/domain/decision-routes";
import { updateAgreementIfCurrent } from "./guards";
import { callInPeriodFor } from "./take-effect";

/** `remaining`: how many more approvals the proposal needs (0 once it is decided). */
export type VoteOutcome = { outcome: "open" | "approved" | "rejected"; agreementId: string; remaining: number; confirmation: Confirmation };

/**
 * Records a councillor's vote; when it reaches the quorum (or is a rejection) the proposal
 * closes and the agreement changes status, all in one transaction. The proposal row is locked
 * first, so two votes cast at the same moment are counted one after the other.
 */
export async function decideProposal(input: VoteInput, actor: Actor): Promise<VoteOutcome> {
  requirePermission(actor, "proposal:decide");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Proposal" WHERE "id" = ${input.proposalId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", REFUSED.proposalMissing);
    const proposal = await tx.proposal.findUniqueOrThrow({
      where: { id: input.proposalId },
      select: {
        id: true,
        kind: true,
        state: true,
        proposerId: true,
        reason: true,
        publicReason: true,
        reference: true,
        changes: true,
        decisionRoute: true,
        executiveMemberId: true,
        delegation: true,
        agreement: { select: { id: true, status: true, version: true } },
        decisions: { where: { kind: { in: ["APPROVED", "REJECTED"] } }, select: { actorId: true, kind: true } },
      },
    });
    const votes: Vote[] = proposal.decisions.map((decision) => ({ voterId: decision.actorId ?? "", approve: decision.kind === "APPROVED" }));
    const approve = input.decision === "approve";
    const check = checkVote({
      voterId: actor.id,
      voterRole: actor.role,
      proposerId: proposal.proposerId,
      open: proposal.state === "OPEN",
      votes,
      approve,
      reason: input.reason,
    });
    if (!check.ok) throw new AppError("INVALID_TRANSITION", check.reason);
    // Another route's decision is recorded, not voted (lib/agreements/record-decision.ts).
    if (proposal.decisionRoute !== "COUNCILLOR_VOTES") throw new AppError("INVALID_TRANSITION", REFUSED.notDecidedByVotes);

    const agreement = proposal.agreement;
    // Read before the vote is appended: the chain lock is then held for as little as possible.
    const { approvalsNeeded } = await readSettings(tx);
    await appendDecision(tx, {
      agreementId: agreement.id,
      proposalId: proposal.id,
      kind: approve ? "APPROVED" : "REJECTED",
      actorId: actor.id,
      reason: input.reason || null,
      reference: input.reference ?? null,
      voteKey: `${proposal.id}:${actor.id}`,
    });
    const outcome = tally([...votes, { voterId: actor.id, approve }], approvalsNeeded);
    await writeAudit(tx, {
      actor,
      action: approve ? "proposal.approve" : "proposal.reject",
      entityType: "Proposal",
      entityId: proposal.id,
      details: { agreementId: agreement.id, outcome },
    });
    if (outcome === "open") {
      return { outcome, agreementId: agreement.id, remaining: approvalsNeeded - votes.length - 1, confirmation: "vote.open" };
    }

    const closed = await closeProposal(tx, { proposal, agreement, actor, outcome, reason: input.reason || null, reference: input.reference ?? null, route: routeRecord(proposal) });
    return { outcome, agreementId: agreement.id, remaining: 0, confirmation: closed };
  }, DECISION_TRANSACTION);
}

/**
 * Closes a decided proposal: the agreement takes the status statusAfter gives (or an approved
 * amendment its new terms), with the STATUS_CHANGED (or AMENDED) decision, the audit row and the
 * proposer's email — in the caller's transaction, after the deciding vote or recorded decision.
 * `reason` and `reference`: what the decider gave (a rejection's reason is the status change's).
 */
export async function closeProposal(
  tx: Tx,
  {
    proposal,
    agreement,
    actor,
    outcome,
    reason,
    reference,
    route: decidedRoute,
    urgencyReason = null,
    now = new Date(),
  }: {
    proposal: { id: string; kind: ProposalKind; reason: string; publicReason: string | null; reference: string | null; changes: unknown };
    agreement: { id: string; status: AgreementStatus; version: number };
    actor: Actor;
    outcome: "approved" | "rejected";
    reason: string | null;
    reference: string | null;
    /** How it was decided, as the closing decision commits it to the chain. */
    route: RouteRecord;
    /** Call-in (docs/decisions/023-call-in.md): the decision-maker declared the decision urgent, exempt from call-in, and why. */
    urgencyReason?: string | null;
    now?: Date;
  },
): Promise<Confirmation> {
  const to = statusAfter(proposal.kind, outcome, agreement.status);
  // With a call-in period on this route, an approval is published now and takes effect later
  // (lib/agreements/take-effect.ts): the route record commits the date, or why it was urgent.
  const period = outcome === "approved" ? await callInPeriodFor(tx, { route: decidedRoute.route, urgencyReason, now }) : null;
  const waits = period !== null && "takesEffectOn" in period ? period.takesEffectOn : null;
  const route: RouteRecord = period === null ? decidedRoute : "urgent" in period ? { ...decidedRoute, urgent: period.urgent } : { ...decidedRoute, takesEffectOn: period.takesEffectOn.toISOString().slice(0, 10) };
  await tx.proposal.update({
    where: { id: proposal.id },
    data: {
      state: outcome === "approved" ? "APPROVED" : "REJECTED",
      closedAt: now,
      ...(waits ? { callIn: "AWAITING", takesEffectOn: waits } : {}),
      ...(period !== null && "urgent" in period ? { urgencyReason: period.urgent } : {}),
    },
  });
  if (outcome === "approved" && proposal.kind === "AMENDMENT") {
    await applyAmendment(tx, { proposal, agreement, actor, reason, reference, route, waits: waits !== null });
    return "vote.amended";
  }
  const statusDecision = await appendDecision(tx, {
    agreementId: agreement.id,
    proposalId: proposal.id,
    kind: "STATUS_CHANGED",
    actorId: actor.id,
    fromStatus: agreement.status,
    toStatus: to,
    reason: outcome === "approved" ? proposal.reason : reason,
    publicReason: outcome === "approved" ? proposal.publicReason : null,
    reference: reference ?? proposal.reference,
    route,
    papers: await paperHashes(tx, proposal.id),
  });
  // A decision waiting for its call-in period leaves the agreement as it is until it takes effect.
  if (to !== agreement.status && !waits) {
    await updateAgreementIfCurrent(tx, { id: agreement.id, version: agreement.version }, { status: to, statusDecisionId: statusDecision.id });
  }
  await writeAudit(tx, { actor, action: "agreement.status-change", entityType: "Agreement", entityId: agreement.id, details: { from: agreement.status, to } });
  await enqueueDecisionReached(tx, { proposalId: proposal.id, outcome, decidedBy: actor, reason });
  // A rejected submission goes back to its proposer as a draft: the confirmation says so.
  return outcome === "rejected" && to === "DRAFT" ? "vote.rejected-to-draft" : `vote.${outcome}`;
}

/**
 * An approved amendment takes effect: the terms change, the status stays, the version moves on,
 * and an AMENDED decision records each changed term's before and after as they were at approval
 * (the terms change only through amendments, one open at a time, so they are the proposal's).
 */
async function applyAmendment(
  tx: Tx,
  {
    proposal,
    agreement,
    actor,
    reason,
    reference,
    route,
    waits,
  }: {
    proposal: { id: string; reason: string; reference: string | null; changes: unknown };
    agreement: { id: string; status: AgreementStatus; version: number };
    actor: Actor;
    reason: string | null;
    reference: string | null;
    route: RouteRecord;
    /** Waiting for its call-in period: the terms change when it takes effect (lib/agreements/take-effect.ts). */
    waits: boolean;
  },
): Promise<void> {
  const proposed = readTermChanges(proposal.changes);
  if (!proposed) throw new AppError("INVALID_TRANSITION", REFUSED.decided);
  const current = await tx.agreement.findUniqueOrThrow({ where: { id: agreement.id }, select: { relationshipType: true, title: true, purpose: true, themes: true, publicSummary: true, formalisedOn: true } });
  const terms = amendedTerms(proposed);
  const changes: FieldChanges<Term> = fieldChanges<Term>(current, { ...current, ...terms }, AMENDABLE_TERMS);
  await appendDecision(tx, {
    agreementId: agreement.id,
    proposalId: proposal.id,
    kind: "AMENDED",
    actorId: actor.id,
    fromStatus: agreement.status,
    toStatus: agreement.status,
    reason: proposal.reason,
    reference: reference ?? proposal.reference,
    changes,
    route,
    papers: await paperHashes(tx, proposal.id),
  });
  if (!waits) await updateAgreementIfCurrent(tx, { id: agreement.id, version: agreement.version }, terms);
  await writeAudit(tx, { actor, action: "agreement.amend", entityType: "Agreement", entityId: agreement.id, details: { proposalId: proposal.id, changes } });
  await enqueueDecisionReached(tx, { proposalId: proposal.id, outcome: "approved", decidedBy: actor, reason });
}
