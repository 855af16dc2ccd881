import { connection } from "next/server";
import { publicFile } from "@/lib/data/public";
import { listTwinningCosts } from "@/lib/data/twinning-costs";
import { siteOriginFrom } from "@/lib/web/request-context";
import { openDataResponse } from "@/lib/open-data/response";
import { twinningCostsCsv } from "@/lib/open-data/twinning-costs";

/** The cost of twinning activity as the office records it: exchanges of £500 or more (lib/open-data/twinning-costs.ts). */
export async function GET(request: Request): Promise<Response> {
  await connection();
  const origin = siteOriginFrom(request.headers);
  const body = await publicFile("twinning-costs.csv", "activity", origin, async () => twinningCostsCsv(await listTwinningCosts(), origin));
  return openDataResponse(body, "csv", "twinning-costs.csv");
}
