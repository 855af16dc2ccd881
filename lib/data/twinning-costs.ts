import "server-only";
import { db } from "@/lib/db";
import { PUBLIC_STATUSES } from "@/lib/domain/lifecycle";
import { TWINNING_COST_THRESHOLD, type TwinningCost } from "@/lib/open-data/twinning-costs";

/**
 * The exchanges costing TWINNING_COST_THRESHOLD or more, for /open-data/twinning-costs.csv:
 * public exchanges of public links only (an internal exchange, or a link still in draft, stays in
 * the office), the latest first. Only what the file shows is read: never who took part or who
 * recorded it.
 */
export async function listTwinningCosts(): Promise<TwinningCost[]> {
  const rows = await db.exchange.findMany({
    where: { cost: { gte: TWINNING_COST_THRESHOLD }, visibility: "PUBLIC", agreement: { status: { in: [...PUBLIC_STATUSES] } } },
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
    select: {
      id: true,
      startDate: true,
      endDate: true,
      kind: true,
      purpose: true,
      cost: true,
      currency: true,
      fundingSource: true,
      agreement: { select: { partner: { select: { name: true, slug: true, country: true } } } },
    },
  });
  return rows.map(({ cost, currency, agreement, ...row }) => ({ ...row, amount: cost!.toFixed(2), currency: currency ?? "GBP", partner: agreement.partner }));
}
