import type { Tx } from "@/lib/db";
import { AppError, REFUSED, REFUSED_IN_STATUS } from "@/lib/domain/errors";
import type { AgreementStatus } from "@/generated/prisma/enums";

/** A suspended link still has history; a draft, pending, ended or withdrawn one takes no new exchanges. */
export const EXCHANGE_AGREEMENT_STATUSES = ["ACTIVE", "SUSPENDED"] as const satisfies readonly AgreementStatus[];

export function canLogExchangeUnder(status: AgreementStatus): boolean {
  return (EXCHANGE_AGREEMENT_STATUSES as readonly AgreementStatus[]).includes(status);
}

type LockedAgreement = { id: string; status: AgreementStatus; partnerName: string };

/**
 * Reads an agreement's status and locks its row until the transaction ends, so a status change
 * decided at the same moment waits rather than slipping in between. FOR NO KEY UPDATE, not FOR
 * SHARE: the activity trigger (migration 20261128210000_performance) then updates this row, and
 * two share locks upgraded at once deadlock (found by e2e/load.spec.ts).
 */
async function lockAgreement(tx: Tx, agreementId: string): Promise<LockedAgreement | null> {
  const rows = await tx.$queryRaw<LockedAgreement[]>`
    SELECT a."id"::text AS "id", a."status"::text AS "status", p."name" AS "partnerName"
    FROM "Agreement" a JOIN "Partner" p ON p."id" = a."partnerId"
    WHERE a."id" = ${agreementId}::uuid
    FOR NO KEY UPDATE OF a`;
  return rows[0] ?? null;
}

/** Refuses, as a field error on "Agreement", an agreement that does not exist or takes no exchanges. */
export async function requireExchangeAgreement(tx: Tx, agreementId: string): Promise<LockedAgreement> {
  const agreement = await lockAgreement(tx, agreementId);
  if (!agreement) throw new AppError("VALIDATION", "There is a problem", { agreementId: [REFUSED.exchangeAgreementMissing] });
  if (!canLogExchangeUnder(agreement.status)) throw new AppError("VALIDATION", "There is a problem", { agreementId: [REFUSED_IN_STATUS.exchangeAgreement[agreement.status]] });
  return agreement;
}

/** Refuses, as a field error on "Agreement", an agreement that does not exist or was withdrawn. */
export async function requireEventAgreement(tx: Tx, agreementId: string): Promise<LockedAgreement> {
  const agreement = await lockAgreement(tx, agreementId);
  if (!agreement) throw new AppError("VALIDATION", "There is a problem", { agreementId: [REFUSED.eventAgreementMissing] });
  if (agreement.status === "WITHDRAWN") throw new AppError("VALIDATION", "There is a problem", { agreementId: [REFUSED.eventAgreementWithdrawn] });
  return agreement;
}
