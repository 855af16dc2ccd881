import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { CALL_IN_REFUSED, callInOpen, tookPart } from "@/lib/domain/call-in";
import { AppError } from "@/lib/domain/errors";
import { mayCallIn, requirePermission, type Actor } from "@/lib/domain/permissions";
import type { CallInInput } from "@/lib/domain/validation/call-in";
import { londonDate } from "@/lib/domain/working-days";
import { enqueueCallInNotice } from "@/lib/notifications/call-in";
import { readSettings } from "@/lib/settings";
import type { Confirmation } from "@/lib/web/confirmations";
import { isScrutinyMember, lockCallInCase } from "./call-in-case";

/**
 * "Call in" (docs/decisions/023-call-in.md): a scrutiny member who took no part in the decision
 * calls it in during its call-in period, with a reason — a CALLED_IN decision in the chain, one per
 * member (its vote key). When the council's "Call-ins needed" is reached the decision is called in:
 * it will not take effect until scrutiny records its outcome, and the proposer, lead officer and
 * executive member are told.
 */
export async function callInDecision(input: CallInInput, actor: Actor, now = new Date()): Promise<{ agreementId: string; confirmation: Confirmation }> {
  requirePermission(actor, "decision:call-in");
  return db.$transaction(async (tx) => {
    const decision = await lockCallInCase(tx, input.proposalId);
    if (!mayCallIn(actor, { scrutinyMember: await isScrutinyMember(tx, actor.id), tookPart: tookPart(actor.id, decision) })) throw new AppError("FORBIDDEN", CALL_IN_REFUSED.mayNotCallIn);
    if (!callInOpen(decision.callIn, decision.takesEffectOn, londonDate(now))) throw new AppError("INVALID_TRANSITION", CALL_IN_REFUSED.callInClosed);
    if (decision.callerIds.includes(actor.id)) throw new AppError("INVALID_TRANSITION", CALL_IN_REFUSED.alreadyCalledIn);
    const { callInsNeeded } = await readSettings(tx);
    await appendDecision(tx, { agreementId: decision.agreementId, proposalId: decision.id, kind: "CALLED_IN", actorId: actor.id, reason: input.reason, voteKey: `call-in:${decision.id}:${actor.id}` });
    const calledIn = decision.callerIds.length + 1 >= callInsNeeded;
    if (calledIn) {
      await tx.proposal.update({ where: { id: decision.id }, data: { callIn: "CALLED_IN" } });
      await enqueueCallInNotice(tx, { proposalId: decision.id, event: "calledIn", by: null, reason: input.reason });
    }
    await writeAudit(tx, { actor, action: "decision.call-in", entityType: "Proposal", entityId: decision.id, details: { agreementId: decision.agreementId, callIns: decision.callerIds.length + 1, needed: callInsNeeded } });
    return { agreementId: decision.agreementId, confirmation: calledIn ? "agreement.calledIn" : "agreement.callInRecorded" };
  }, DECISION_TRANSACTION);
}
