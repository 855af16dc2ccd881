// The twinning-link standard as CSV: the same records as twinning-links.json.
import { connection } from "next/server";
import { publicLinksFile } from "@/lib/data/public";
import { getSettings } from "@/lib/data/settings";
import { councilOf, councilVariant } from "@/lib/open-data/council";
import { openDataResponse } from "@/lib/open-data/response";
import { twinningLinksCsv } from "@/lib/open-data/twinning-links";
import { siteOriginFrom } from "@/lib/web/request-context";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const origin = siteOriginFrom(request.headers);
  const council = councilOf(await getSettings());
  const body = await publicLinksFile("twinning-links.csv", [origin, councilVariant(council)].join("\n"), (links) => twinningLinksCsv(links, council, origin));
  return openDataResponse(body, "csv", "twinning-links.csv");
}
