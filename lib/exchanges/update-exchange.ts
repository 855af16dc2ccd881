import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { Confirmation } from "@/lib/web/confirmations";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { UpdateExchangeInput } from "@/lib/domain/validation/exchange";
import { exchangeData } from "./exchange-fields";
import { requireExchangeAgreement } from "./guards";

export const STALE_EXCHANGE_MESSAGE = "This exchange was changed by someone else — reload to see their changes";

export type UpdatedExchange = { agreementIds: string[]; public: boolean; confirmation: Confirmation };

/**
 * Saves an edited exchange; refused when someone else saved it since the form was loaded
 * (compare-and-swap on updatedAt). Moving it to another agreement needs an Active or Suspended
 * one; correcting an exchange under a link that has since ended is allowed.
 */
export async function updateExchange(input: UpdateExchangeInput, actor: Actor): Promise<UpdatedExchange> {
  requirePermission(actor, "exchange:write");
  return db.$transaction(async (tx) => {
    const current = await tx.exchange.findUnique({ where: { id: input.id }, select: { agreementId: true, visibility: true, updatedAt: true } });
    if (!current) throw new AppError("NOT_FOUND", REFUSED.exchangeMissing);
    if (current.updatedAt.getTime() !== input.updatedAt.getTime()) throw new AppError("CONFLICT", STALE_EXCHANGE_MESSAGE);
    if (input.agreementId !== current.agreementId) await requireExchangeAgreement(tx, input.agreementId);
    const { count } = await tx.exchange.updateMany({ where: { id: input.id, updatedAt: current.updatedAt }, data: exchangeData(input) });
    if (count === 0) throw new AppError("CONFLICT", STALE_EXCHANGE_MESSAGE);
    await writeAudit(tx, {
      actor,
      action: "exchange.edit",
      entityType: "Exchange",
      entityId: input.id,
      details: { agreementId: input.agreementId, movedFrom: input.agreementId === current.agreementId ? undefined : current.agreementId, visibility: input.visibility },
    });
    return {
      agreementIds: [...new Set([current.agreementId, input.agreementId])],
      public: current.visibility === "PUBLIC" || input.visibility === "PUBLIC",
      confirmation: "exchange.saved",
    };
  });
}
