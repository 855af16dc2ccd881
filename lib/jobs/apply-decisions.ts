// The call-in period's end (docs/decisions/023-call-in.md): every decision still AWAITING whose day
// to take effect has come (a London date) takes effect, once, even with several runners: each is
// claimed by a conditional UPDATE (… WHERE "callIn" = 'AWAITING') in the transaction that applies
// it. A second runner's UPDATE waits for the first's row lock, then finds the row no longer
// AWAITING and updates nothing: one chain entry, one status change, one email per decision.
import { db } from "@/lib/db";
import { DECISION_TRANSACTION } from "@/lib/decisions/chain";
import { dateAtUtcMidnight, londonDate } from "@/lib/domain/working-days";
import { putIntoEffect } from "@/lib/agreements/take-effect";

export async function applyDueDecisions(now: Date): Promise<{ applied: number }> {
  const today = dateAtUtcMidnight(londonDate(now));
  const due = await db.proposal.findMany({ where: { callIn: "AWAITING", takesEffectOn: { lte: today } }, orderBy: [{ takesEffectOn: "asc" }, { id: "asc" }], select: { id: true } });
  let applied = 0;
  for (const { id } of due) {
    const claimed = await db.$transaction(async (tx) => {
      const rows = await tx.$executeRaw`UPDATE "Proposal" SET "callIn" = 'IN_EFFECT' WHERE "id" = ${id}::uuid AND "callIn" = 'AWAITING' AND "takesEffectOn" <= ${today}`;
      if (rows === 0) return false;
      await putIntoEffect(tx, { proposalId: id, kind: "TOOK_EFFECT", actor: null });
      return true;
    }, DECISION_TRANSACTION);
    if (claimed) applied += 1;
  }
  return { applied };
}
