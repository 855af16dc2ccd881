import type { Tx } from "@/lib/db";
import { AppError, STALE_VERSION_MESSAGE, REFUSED } from "@/lib/domain/errors";
import type { AgreementStatus, Prisma } from "@/generated/prisma/client";
import { WAITING_STATES } from "@/lib/domain/call-in";

/** Loads an agreement with what the lifecycle needs to know, or NOT_FOUND. */
export async function loadAgreementState(tx: Tx, id: string) {
  const agreement = await tx.agreement.findUnique({
    where: { id },
    select: { id: true, status: true, version: true, partnerId: true, _count: { select: { proposals: { where: { OR: [{ state: "OPEN" }, { callIn: { in: [...WAITING_STATES] } }] } } } } },
  });
  if (!agreement) throw new AppError("NOT_FOUND", REFUSED.agreementMissing);
  return { ...agreement, hasOpenProposal: agreement._count.proposals > 0 };
}

/**
 * Writes an agreement only if nobody else has since (compare-and-swap on its version),
 * so the second of two concurrent saves is refused rather than silently overwriting.
 */
export async function updateAgreementIfCurrent(
  tx: Tx,
  where: { id: string; version: number; status?: AgreementStatus },
  data: Prisma.AgreementUncheckedUpdateManyInput,
): Promise<void> {
  const { count } = await tx.agreement.updateMany({ where, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
}
