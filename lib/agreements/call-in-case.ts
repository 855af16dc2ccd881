// What every call-in step reads about the decision, with its proposal row locked first (the same
// order as every decision write: the proposal, then the chain's lock), so a call-in, scrutiny's
// outcome and the jobs' "takes effect" on one decision run one after the other.
import type { Tx } from "@/lib/db";
import { AppError, REFUSED } from "@/lib/domain/errors";

export async function lockCallInCase(tx: Tx, proposalId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Proposal" WHERE "id" = ${proposalId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", REFUSED.proposalMissing);
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: {
      id: true,
      agreementId: true,
      proposerId: true,
      executiveMemberId: true,
      decisionRoute: true,
      callIn: true,
      takesEffectOn: true,
      decisions: { where: { kind: { in: ["APPROVED", "REJECTED", "STATUS_CHANGED", "AMENDED", "CALLED_IN"] } }, select: { kind: true, actorId: true } },
    },
  });
  const deciderIds = proposal.decisions.filter((decision) => decision.kind !== "CALLED_IN").flatMap((decision) => (decision.actorId ? [decision.actorId] : []));
  const callerIds = proposal.decisions.filter((decision) => decision.kind === "CALLED_IN").flatMap((decision) => (decision.actorId ? [decision.actorId] : []));
  return { ...proposal, deciderIds, callerIds, takesEffectOn: proposal.takesEffectOn?.toISOString().slice(0, 10) ?? null };
}

/** Whether this user is marked as a scrutiny member (and still active). */
export async function isScrutinyMember(tx: Tx, userId: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { scrutinyMember: true, active: true } });
  return Boolean(user?.active && user.scrutinyMember);
}
