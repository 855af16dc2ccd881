import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision, DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { CALL_IN_REFUSED } from "@/lib/domain/call-in";
import { missingMeetingDetails, routeRecord } from "@/lib/domain/decision-routes";
import { AppError } from "@/lib/domain/errors";
import { mayAnswerReferral, requirePermission, type Actor } from "@/lib/domain/permissions";
import type { ReferralAnswerInput } from "@/lib/domain/validation/call-in";
import { enqueueCallInNotice } from "@/lib/notifications/call-in";
import type { Confirmation } from "@/lib/web/confirmations";
import { lockCallInCase } from "./call-in-case";
import { putIntoEffect } from "./take-effect";

/**
 * The answer to a referred decision (docs/decisions/023-call-in.md). Referred back: the
 * decision-maker (whoever may record a decision on its route) confirms it — it takes effect now —
 * or withdraws it (a changed decision is a new proposal). Referred to full council: its resolution
 * is recorded like a meeting's (the meeting, its date and the minute, committed in the decision's
 * route record), confirming or withdrawing it. A withdrawn decision never takes effect: its notice
 * says so.
 */
export async function answerReferral(input: ReferralAnswerInput, actor: Actor): Promise<{ agreementId: string; confirmation: Confirmation }> {
  requirePermission(actor, "agreement:read");
  return db.$transaction(async (tx) => {
    const decision = await lockCallInCase(tx, input.proposalId);
    if (decision.callIn !== "REFERRED_BACK" && decision.callIn !== "REFERRED_TO_COUNCIL") throw new AppError("INVALID_TRANSITION", CALL_IN_REFUSED.notReferred);
    const fullCouncil = decision.callIn === "REFERRED_TO_COUNCIL";
    if (!mayAnswerReferral(actor, decision, fullCouncil ? "fullCouncil" : "decisionMaker")) throw new AppError("FORBIDDEN", CALL_IN_REFUSED.mayNotAnswerReferral);
    const missing = fullCouncil ? missingMeetingDetails("MEETING_RESOLUTION", input) : {};
    if (Object.keys(missing).length > 0) throw new AppError("VALIDATION", "There is a problem", missing);
    const route = fullCouncil ? routeRecord({ decisionRoute: "MEETING_RESOLUTION", meetingName: input.meetingName, meetingDate: input.meetingDate, minuteReference: input.minuteReference }) : undefined;
    const reference = (fullCouncil ? input.minuteReference : input.reference) ?? null;
    if (input.answer === "confirm") {
      await putIntoEffect(tx, { proposalId: decision.id, kind: "DECISION_CONFIRMED", actor, reason: input.reason, reference, route });
    } else {
      await appendDecision(tx, { agreementId: decision.agreementId, proposalId: decision.id, kind: "DECISION_WITHDRAWN", actorId: actor.id, reason: input.reason, reference, route });
      await tx.proposal.update({ where: { id: decision.id }, data: { callIn: "NOT_IN_EFFECT" } });
      await enqueueCallInNotice(tx, { proposalId: decision.id, event: "withdrawn", by: actor, reason: input.reason });
    }
    await writeAudit(tx, { actor, action: "decision.referral-answer", entityType: "Proposal", entityId: decision.id, details: { agreementId: decision.agreementId, answer: input.answer, fullCouncil } });
    return { agreementId: decision.agreementId, confirmation: input.answer === "confirm" ? "agreement.referralConfirmed" : "agreement.referralWithdrawn" };
  }, DECISION_TRANSACTION);
}
