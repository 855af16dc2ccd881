// Call-in (issue 24 item 4, docs/decisions/023-call-in.md): when an approved decision takes effect.
// With a call-in period set for its route, closeProposal publishes the decision (its STATUS_CHANGED
// or AMENDED row, the notice) but leaves the agreement as it was; the decision takes effect on a
// working day later — by the jobs (lib/jobs/apply-decisions.ts), or after a call-in when scrutiny
// takes no further action or the decision-maker (or full council) confirms it — through
// putIntoEffect, the one code that applies a waiting decision.
import type { DecisionKind } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { appendDecision } from "@/lib/decisions/chain";
import type { RouteRecord } from "@/lib/domain/decision-routes";
import { AppError, REFUSED } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { amendedTerms, readTermChanges } from "@/lib/domain/term-changes";
import { dateAtUtcMidnight, londonDate, takesEffectOn } from "@/lib/domain/working-days";
import { enqueueCallInNotice, type CallInEvent } from "@/lib/notifications/call-in";
import { readSettings } from "@/lib/settings";
import { updateAgreementIfCurrent } from "./guards";

/** The bank holidays from `from` (a London date) on, as a set of "YYYY-MM-DD". */
export async function readBankHolidays(client: Pick<Tx, "bankHoliday">, from: string): Promise<Set<string>> {
  const rows = await client.bankHoliday.findMany({ where: { date: { gte: dateAtUtcMidnight(from) } }, select: { date: true } });
  return new Set(rows.map((row) => row.date.toISOString().slice(0, 10)));
}

/**
 * Whether a decision approved at `now` on `route` waits for a call-in period: null when the council
 * has no period or it does not cover the route; `urgent` when the decision-maker declared it urgent
 * (exempt, in effect at once); else the date it takes effect (a Date at UTC midnight).
 */
export async function callInPeriodFor(tx: Tx, { route, urgencyReason, now }: { route: RouteRecord["route"]; urgencyReason: string | null; now: Date }): Promise<{ urgent: string } | { takesEffectOn: Date } | null> {
  const { callInDays, callInRoutes } = await readSettings(tx);
  if (callInDays <= 0 || !callInRoutes.includes(route)) return null;
  if (urgencyReason) return { urgent: urgencyReason };
  const today = londonDate(now);
  const effective = takesEffectOn(today, callInDays, await readBankHolidays(tx, today));
  return effective ? { takesEffectOn: dateAtUtcMidnight(effective) } : null;
}

/** How a decision came into effect, each a decision in the chain. */
export type EffectKind = Extract<DecisionKind, "TOOK_EFFECT" | "CALL_IN_NO_FURTHER_ACTION" | "DECISION_CONFIRMED">;

const EFFECT_EVENTS: Record<EffectKind, CallInEvent> = { TOOK_EFFECT: "tookEffect", CALL_IN_NO_FURTHER_ACTION: "noFurtherAction", DECISION_CONFIRMED: "confirmed" };

/**
 * A waiting decision takes effect, in the caller's transaction, after it has claimed the proposal
 * (its row locked, or moved out of its waiting state by a conditional UPDATE): the agreement takes
 * the status the published decision gave it (or an amendment's terms), a decision of `kind` is
 * appended to the chain, the proposal is IN_EFFECT, and the proposer, the lead officer and the
 * executive member are told. `actor`: null for the jobs.
 */
export async function putIntoEffect(
  tx: Tx,
  { proposalId, kind, actor, reason = null, reference = null, route }: { proposalId: string; kind: EffectKind; actor: Actor | null; reason?: string | null; reference?: string | null; route?: RouteRecord },
): Promise<void> {
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: {
      id: true,
      agreementId: true,
      changes: true,
      decisions: { where: { kind: { in: ["STATUS_CHANGED", "AMENDED"] } }, orderBy: { sequence: "desc" }, take: 1, select: { id: true, kind: true, toStatus: true } },
    },
  });
  const published = proposal.decisions[0];
  if (!published) throw new AppError("INVALID_TRANSITION", REFUSED.decided);
  await tx.$queryRaw`SELECT "id" FROM "Agreement" WHERE "id" = ${proposal.agreementId}::uuid FOR UPDATE`;
  const agreement = await tx.agreement.findUniqueOrThrow({ where: { id: proposal.agreementId }, select: { id: true, status: true, version: true } });
  const amendment = published.kind === "AMENDED";
  const terms = amendment ? readTermChanges(proposal.changes) : null;
  const toStatus = amendment ? agreement.status : (published.toStatus ?? agreement.status);
  await appendDecision(tx, { agreementId: agreement.id, proposalId: proposal.id, kind, actorId: actor?.id ?? null, fromStatus: agreement.status, toStatus, reason, reference, route });
  await updateAgreementIfCurrent(tx, { id: agreement.id, version: agreement.version }, amendment ? (terms ? amendedTerms(terms) : {}) : { status: toStatus, statusDecisionId: published.id });
  await tx.proposal.update({ where: { id: proposal.id }, data: { callIn: "IN_EFFECT" } });
  await writeAudit(tx, { actor, actorEmail: actor ? undefined : "scheduled jobs", action: "decision.take-effect", entityType: "Proposal", entityId: proposal.id, details: { agreementId: agreement.id, kind, from: agreement.status, to: toStatus } });
  await enqueueCallInNotice(tx, { proposalId: proposal.id, event: EFFECT_EVENTS[kind], by: actor, reason });
}
