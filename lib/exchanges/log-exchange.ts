import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { Confirmation } from "@/lib/web/confirmations";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { CreateExchangeInput } from "@/lib/domain/validation/exchange";
import { exchangeData } from "./exchange-fields";
import { requireExchangeAgreement } from "./guards";

/** Logs an exchange under an Active or Suspended agreement. */
export async function logExchange(input: CreateExchangeInput, actor: Actor): Promise<{ id: string; agreementId: string; confirmation: Confirmation }> {
  requirePermission(actor, "exchange:write");
  return db.$transaction(async (tx) => {
    await requireExchangeAgreement(tx, input.agreementId);
    const exchange = await tx.exchange.create({ data: { ...exchangeData(input), createdById: actor.id }, select: { id: true, agreementId: true } });
    await writeAudit(tx, {
      actor,
      action: "exchange.create",
      entityType: "Exchange",
      entityId: exchange.id,
      details: { agreementId: input.agreementId, kind: input.kind, visibility: input.visibility },
    });
    return { ...exchange, confirmation: "exchange.logged" };
  });
}
