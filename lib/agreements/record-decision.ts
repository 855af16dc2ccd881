import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { checkRecording, missingMeetingDetails, routeRecord } from "@/lib/domain/decision-routes";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { RecordDecisionInput } from "@/lib/domain/validation/agreement";
import type { Confirmation } from "@/lib/web/confirmations";
import { closeProposal } from "./decide-proposal";

/**
 * "Record the decision" on a proposal decided outside the app's vote (issue 24): by a meeting, an
 * executive member or an officer under delegated powers. The recorder's APPROVED or REJECTED
 * decision closes the proposal at once — no quorum — and the agreement changes as after a deciding
 * vote (closeProposal), all in one transaction. On the meeting route the meeting's name, date and
 * minute are required and kept on the proposal; the minute reference is the decision's reference.
 */
export async function recordDecision(input: RecordDecisionInput, actor: Actor, now = new Date()): Promise<{ agreementId: string; confirmation: Confirmation }> {
  requirePermission(actor, "agreement:read");
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
      },
    });
    const check = checkRecording({ recorder: actor, proposal: { ...proposal, open: proposal.state === "OPEN" } });
    if (!check.ok) throw new AppError(check.reason === REFUSED.mayNotRecord ? "FORBIDDEN" : "INVALID_TRANSITION", check.reason);

    let reference = input.reference ?? null;
    const missing = missingMeetingDetails(proposal.decisionRoute, input);
    if (Object.keys(missing).length > 0) throw new AppError("VALIDATION", "There is a problem", missing);
    if (proposal.decisionRoute === "MEETING_RESOLUTION") {
      await tx.proposal.update({
        where: { id: proposal.id },
        data: { meetingName: input.meetingName, meetingDate: input.meetingDate, minuteReference: input.minuteReference, meetingUrl: input.meetingUrl ?? null },
      });
      reference = input.minuteReference ?? reference;
    }

    const approve = input.decision === "approve";
    await appendDecision(tx, {
      agreementId: proposal.agreement.id,
      proposalId: proposal.id,
      kind: approve ? "APPROVED" : "REJECTED",
      actorId: actor.id,
      reason: input.reason || null,
      reference,
      voteKey: `${proposal.id}:${actor.id}`,
    });
    await writeAudit(tx, {
      actor,
      action: approve ? "proposal.record-approval" : "proposal.record-rejection",
      entityType: "Proposal",
      entityId: proposal.id,
      details: { agreementId: proposal.agreement.id, route: proposal.decisionRoute },
    });
    await closeProposal(tx, {
      proposal,
      agreement: proposal.agreement,
      actor,
      outcome: approve ? "approved" : "rejected",
      reason: input.reason || null,
      reference,
      route: routeRecord({ ...proposal, ...(proposal.decisionRoute === "MEETING_RESOLUTION" && input) }),
      // Urgent: exempt from a call-in period (docs/decisions/023-call-in.md), with its reason on the notice.
      urgencyReason: approve && input.urgent ? input.urgencyReason || null : null,
      now,
    });
    return { agreementId: proposal.agreement.id, confirmation: "agreement.decisionRecorded" };
  }, DECISION_TRANSACTION);
}
