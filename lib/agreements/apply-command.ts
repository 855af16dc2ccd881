import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { AppError, STALE_VERSION_MESSAGE } from "@/lib/domain/errors";
import { COMMAND_RULES, checkCommand, PROPOSAL_RULES } from "@/lib/domain/lifecycle";
import { enqueueProposalCreated } from "@/lib/notifications/enqueue";
import { can, EXECUTIVE_MEMBER_PERMISSION, requirePermission, type Actor } from "@/lib/domain/permissions";
import { EXECUTIVE_MEMBER_NOT_COUNCILLOR, missingRouteDetails, ROUTE_NEEDS, routeRecord } from "@/lib/domain/decision-routes";
import { readSettings } from "@/lib/settings";
import type { DecisionRoute } from "@/generated/prisma/enums";
import { AMENDABLE_TERMS, fieldChanges, hasChanges, type FieldChanges, type Term } from "@/lib/domain/term-changes";
import { AMENDMENT_CHANGES_NOTHING, FORMALISED_BEFORE_BEGAN, missingReasons, type AmendmentInput, type CommandInput } from "@/lib/domain/validation/agreement";
import type { Tx } from "@/lib/db";
import type { Confirmation } from "@/lib/web/confirmations";
import { loadAgreementState, updateAgreementIfCurrent } from "./guards";

export type CommandResult = { proposalId?: string; confirmation: Confirmation };

/**
 * Submits, withdraws, or proposes a status change or an amendment of the terms, with its reasons
 * and record of decision. The change, its decision row and its audit row are written in one
 * transaction. An amendment changes nothing yet: its proposal and PROPOSED decision carry each
 * changed term's before and after, applied when councillors approve it (decideProposal).
 */
export async function applyCommand(input: CommandInput | AmendmentInput, actor: Actor): Promise<CommandResult> {
  const rule = COMMAND_RULES[input.command];
  requirePermission(actor, rule.permission);
  // The schema already checks this; a caller that built its input some other way meets the same rule.
  const fieldErrors = missingReasons(input);
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "There is a problem", fieldErrors);

  return db.$transaction(async (tx) => {
    const agreement = await loadAgreementState(tx, input.agreementId);
    if (agreement.version !== input.version) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
    const outcome = checkCommand(input.command, agreement.status, agreement.hasOpenProposal);
    if (!outcome.ok) throw new AppError("INVALID_TRANSITION", outcome.reason);

    const record = {
      reason: input.reason || null,
      publicReason: rule.publicReason === "none" ? null : input.publicReason || null,
      reference: input.reference ?? null,
    };

    if (outcome.kind === "status") {
      const decision = await appendDecision(tx, { agreementId: agreement.id, kind: "WITHDRAWN", actorId: actor.id, fromStatus: agreement.status, toStatus: outcome.status, ...record });
      await updateAgreementIfCurrent(tx, { id: agreement.id, version: agreement.version }, { status: outcome.status, statusDecisionId: decision.id });
      await writeAudit(tx, { actor, action: `agreement.${input.command}`, entityType: "Agreement", entityId: agreement.id, details: { to: outcome.status } });
      return { confirmation: `agreement.${input.command}` };
    }

    const changes = outcome.proposal === "AMENDMENT" ? await proposedChanges(tx, agreement.id, input) : null;
    const route = await decisionRouteOf(tx, input);
    const proposal = await tx.proposal.create({
      data: {
        changes: changes ?? undefined,
        agreementId: agreement.id,
        kind: outcome.proposal,
        proposerId: actor.id,
        ...record,
        reason: input.reason,
        alternativesConsidered: input.alternativesConsidered || null,
        conflictsOfInterest: input.conflictsOfInterest || null,
        backgroundPapers: input.backgroundPapers || null,
        ...route,
      },
      select: { id: true },
    });
    await appendDecision(tx, {
      agreementId: agreement.id,
      proposalId: proposal.id,
      kind: input.command === "submit" ? "SUBMITTED" : "PROPOSED",
      actorId: actor.id,
      fromStatus: agreement.status,
      toStatus: PROPOSAL_RULES[outcome.proposal].onApproved(agreement.status),
      ...record,
      changes,
      route: routeRecord(route),
    });
    // Bumping the version also serialises two proposals raced onto one agreement.
    await updateAgreementIfCurrent(tx, { id: agreement.id, version: agreement.version }, { status: outcome.statusWhileOpen });
    await writeAudit(tx, {
      actor,
      action: `agreement.${input.command}`,
      entityType: "Agreement",
      entityId: agreement.id,
      details: { proposalId: proposal.id, kind: outcome.proposal, ...(changes && { changes }) },
    });
    await enqueueProposalCreated(tx, proposal.id);
    return { proposalId: proposal.id, confirmation: `agreement.${input.command}` };
  }, DECISION_TRANSACTION);
}

/**
 * How the proposal will be decided: the route the proposer chose, else the council's default, with
 * the executive member (an active councillor) or the delegation that route names.
 */
async function decisionRouteOf(tx: Tx, input: CommandInput | AmendmentInput): Promise<{ decisionRoute: DecisionRoute; executiveMemberId: string | null; delegation: string | null }> {
  const decisionRoute = input.decisionRoute ?? (await readSettings(tx)).defaultDecisionRoute;
  const fieldErrors = missingRouteDetails({ ...input, decisionRoute });
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "There is a problem", fieldErrors);
  const executiveMemberId = ROUTE_NEEDS[decisionRoute] === "executiveMemberId" ? (input.executiveMemberId ?? null) : null;
  if (executiveMemberId) {
    const member = await tx.user.findUnique({ where: { id: executiveMemberId }, select: { role: true, active: true } });
    if (!member?.active || !can({ role: member.role }, EXECUTIVE_MEMBER_PERMISSION)) {
      throw new AppError("VALIDATION", EXECUTIVE_MEMBER_NOT_COUNCILLOR, { executiveMemberId: [EXECUTIVE_MEMBER_NOT_COUNCILLOR] });
    }
  }
  return { decisionRoute, executiveMemberId, delegation: ROUTE_NEEDS[decisionRoute] === "delegation" ? (input.delegation ?? null) : null };
}

/**
 * An amendment's changes: each term the input sets to something other than it is now, with both
 * values. Refused when nothing would change, or the formalised date would precede the link's start.
 */
async function proposedChanges(tx: Tx, agreementId: string, input: CommandInput | AmendmentInput): Promise<FieldChanges<Term>> {
  if (!("relationshipType" in input)) throw new AppError("VALIDATION", AMENDMENT_CHANGES_NOTHING);
  const current = await tx.agreement.findUniqueOrThrow({
    where: { id: agreementId },
    select: { relationshipType: true, title: true, purpose: true, themes: true, publicSummary: true, formalisedOn: true, linkBegan: true },
  });
  const proposed = { ...input, title: input.title ?? current.title, formalisedOn: input.formalisedOn ?? null };
  if (proposed.formalisedOn && current.linkBegan && proposed.formalisedOn < current.linkBegan) {
    throw new AppError("VALIDATION", FORMALISED_BEFORE_BEGAN, { formalisedOn: [FORMALISED_BEFORE_BEGAN] });
  }
  const changes = fieldChanges<Term>(current, proposed, AMENDABLE_TERMS);
  if (!hasChanges(changes)) throw new AppError("VALIDATION", AMENDMENT_CHANGES_NOTHING);
  return changes;
}
