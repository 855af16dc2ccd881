import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { CALL_IN_REFUSED, tookPart } from "@/lib/domain/call-in";
import { AppError } from "@/lib/domain/errors";
import { mayRecordScrutinyOutcome, requirePermission, type Actor } from "@/lib/domain/permissions";
import type { ScrutinyOutcomeInput } from "@/lib/domain/validation/call-in";
import { enqueueCallInNotice } from "@/lib/notifications/call-in";
import type { Confirmation } from "@/lib/web/confirmations";
import { isScrutinyMember, lockCallInCase } from "./call-in-case";
import { putIntoEffect } from "./take-effect";

/**
 * Scrutiny's outcome on a called-in decision (docs/decisions/023-call-in.md), recorded by an admin
 * or a scrutiny member who took no part in it: "No further action" — it takes effect now (a
 * CALL_IN_NO_FURTHER_ACTION decision, the agreement changes); "Referred back to the decision-maker"
 * or "Referred to full council" — a decision in the chain, and the decision waits for their answer
 * (lib/agreements/answer-referral.ts). Each tells the proposer, lead officer and executive member.
 */
export async function recordScrutinyOutcome(input: ScrutinyOutcomeInput, actor: Actor): Promise<{ agreementId: string; confirmation: Confirmation }> {
  requirePermission(actor, "scrutiny:outcome");
  return db.$transaction(async (tx) => {
    const decision = await lockCallInCase(tx, input.proposalId);
    const facts = { scrutinyMember: await isScrutinyMember(tx, actor.id), tookPart: tookPart(actor.id, decision) };
    if (!mayRecordScrutinyOutcome(actor, facts)) throw new AppError("FORBIDDEN", CALL_IN_REFUSED.mayNotRecordOutcome);
    if (decision.callIn !== "CALLED_IN") throw new AppError("INVALID_TRANSITION", CALL_IN_REFUSED.notCalledIn);
    const reference = input.reference ?? null;
    if (input.outcome === "NO_FURTHER_ACTION") {
      await putIntoEffect(tx, { proposalId: decision.id, kind: "CALL_IN_NO_FURTHER_ACTION", actor, reason: input.reason, reference });
    } else {
      const referredBack = input.outcome === "REFERRED_BACK";
      await appendDecision(tx, { agreementId: decision.agreementId, proposalId: decision.id, kind: referredBack ? "CALL_IN_REFERRED_BACK" : "CALL_IN_REFERRED_TO_COUNCIL", actorId: actor.id, reason: input.reason, reference });
      await tx.proposal.update({ where: { id: decision.id }, data: { callIn: referredBack ? "REFERRED_BACK" : "REFERRED_TO_COUNCIL" } });
      await enqueueCallInNotice(tx, { proposalId: decision.id, event: referredBack ? "referredBack" : "referredToCouncil", by: actor, reason: input.reason });
    }
    await writeAudit(tx, { actor, action: "decision.scrutiny-outcome", entityType: "Proposal", entityId: decision.id, details: { agreementId: decision.agreementId, outcome: input.outcome } });
    return { agreementId: decision.agreementId, confirmation: "agreement.scrutinyOutcome" };
  }, DECISION_TRANSACTION);
}
