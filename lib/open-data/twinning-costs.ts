import { EXCHANGE_KIND_LABELS, FUNDING_SOURCE_LABELS } from "@/lib/domain/labels";
import type { ExchangeKind, FundingSource } from "@/generated/prisma/enums";
import { toCsv } from "./csv";
import { partnerPagePath } from "./partners";

/**
 * Costs from this amount are published, as the Local Government Transparency Code asks of a
 * council's payments over £500. Applied to the amount as recorded, in its own currency: the
 * office records no exchange rates.
 */
export const TWINNING_COST_THRESHOLD = 500;

/** One exchange's cost as published: no participant, officer or other person is named. */
export type TwinningCost = {
  id: string;
  startDate: Date;
  endDate: Date | null;
  kind: ExchangeKind;
  purpose: string;
  /** Decimal(12, 2) as text: the pence exact. */
  amount: string;
  currency: string;
  fundingSource: FundingSource | null;
  partner: { name: string; slug: string; country: string | null };
};

export const TWINNING_COST_COLUMNS = ["exchange_id", "date", "end_date", "partner", "partner_country", "kind", "purpose", "amount", "currency", "funding_source", "partner_page"] as const;

/** /open-data/twinning-costs.csv: one row per exchange costing TWINNING_COST_THRESHOLD or more, the latest first. */
export function twinningCostsCsv(costs: readonly TwinningCost[], origin: string): string {
  return toCsv(
    TWINNING_COST_COLUMNS,
    costs.map((cost) => [
      cost.id,
      cost.startDate,
      cost.endDate,
      cost.partner.name,
      cost.partner.country,
      EXCHANGE_KIND_LABELS[cost.kind],
      cost.purpose.replace(/\s+/g, " ").trim(),
      cost.amount,
      cost.currency,
      cost.fundingSource ? FUNDING_SOURCE_LABELS[cost.fundingSource] : null,
      `${origin}${partnerPagePath(cost.partner.slug)}`,
    ]),
  );
}
