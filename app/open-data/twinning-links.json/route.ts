// The twinning-link standard as JSON (lib/open-data/twinning-links.ts, docs/open-data.md).
import { connection } from "next/server";
import { publicLinksFile } from "@/lib/data/public";
import { getSettings } from "@/lib/data/settings";
import { councilOf, councilVariant } from "@/lib/open-data/council";
import { licenceOf } from "@/lib/open-data/licence";
import { openDataResponse } from "@/lib/open-data/response";
import { twinningLinksJson } from "@/lib/open-data/twinning-links";
import { siteOriginFrom } from "@/lib/web/request-context";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const settings = await getSettings();
  const origin = siteOriginFrom(request.headers);
  const council = councilOf(settings);
  // generatedAt: when this version of the file was made (once per change of the data).
  const body = await publicLinksFile(
    "twinning-links.json",
    [origin, councilVariant(council), settings.openDataLicence].join("\n"),
    (links) => `${JSON.stringify(twinningLinksJson(links, { council, licence: licenceOf(settings.openDataLicence), origin, generatedAt: new Date() }), null, 2)}\n`,
  );
  return openDataResponse(body, "json");
}
