import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { exchangeFieldsSelect } from "@/lib/data/exchanges";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { DeleteExchangeInput } from "@/lib/domain/validation/exchange";
import { validationMessage } from "@/lib/domain/validation/messages";
import type { Confirmation } from "@/lib/web/confirmations";

const NOT_FOUND = validationMessage("notFound.exchange");

export type DeletedExchange = { agreementIds: string[]; public: boolean; confirmation: Confirmation };

/**
 * Deletes an exchange logged in error. The audit row keeps the reason and the exchange's main
 * fields, since nothing else will; the activity triggers (migration 20261128210000_performance)
 * refresh its agreement's dormancy in the same statement.
 */
export async function deleteExchange(input: DeleteExchangeInput, actor: Actor): Promise<DeletedExchange> {
  requirePermission(actor, "exchange:write");
  return db.$transaction(async (tx) => {
    const exchange = await tx.exchange.findUnique({
      where: { id: input.id },
      select: { id: true, agreementId: true, ...exchangeFieldsSelect, createdById: true, createdAt: true },
    });
    if (!exchange) throw new AppError("NOT_FOUND", NOT_FOUND);
    const { count } = await tx.exchange.deleteMany({ where: { id: input.id } });
    if (count === 0) throw new AppError("NOT_FOUND", NOT_FOUND);
    await writeAudit(tx, {
      actor,
      action: "exchange.delete",
      entityType: "Exchange",
      entityId: input.id,
      details: {
        reason: input.reason,
        deleted: {
          ...exchange,
          startDate: exchange.startDate.toISOString().slice(0, 10),
          endDate: exchange.endDate?.toISOString().slice(0, 10) ?? null,
          cost: exchange.cost?.toFixed(2) ?? null,
          createdAt: exchange.createdAt.toISOString(),
        },
      },
    });
    return { agreementIds: [exchange.agreementId], public: exchange.visibility === "PUBLIC", confirmation: "exchange.deleted" };
  });
}
