import type { Prisma } from "@/generated/prisma/client";
import type { CreateExchangeInput } from "@/lib/domain/validation/exchange";

/** The columns an exchange form writes, from its parsed input. */
export function exchangeData(input: CreateExchangeInput) {
  return {
    agreementId: input.agreementId,
    kind: input.kind,
    direction: input.direction,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    participantCount: input.participantCount ?? null,
    participantsDescription: input.participantsDescription ?? "",
    // Decimal(12, 2): a string keeps the pence exact.
    cost: input.cost === undefined ? null : input.cost.toFixed(2),
    currency: input.cost === undefined ? null : input.currency,
    fundingSource: input.fundingSource ?? null,
    purpose: input.purpose,
    outcomes: input.outcomes,
    visibility: input.visibility,
  } satisfies Prisma.ExchangeUncheckedUpdateInput;
}
