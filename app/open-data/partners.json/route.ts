import { connection } from "next/server";
import { currentLinksFile } from "@/lib/data/public";
import { getSettings } from "@/lib/data/settings";
import { licenceOf } from "@/lib/open-data/licence";
import { siteOriginFrom } from "@/lib/web/request-context";
import { partnersJson } from "@/lib/open-data/partners";
import { openDataResponse } from "@/lib/open-data/response";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const settings = await getSettings();
  const origin = siteOriginFrom(request.headers);
  // generatedAt: when this version of the file was made (it is made once per change of the data).
  const body = await currentLinksFile(
    "partners.json",
    [origin, settings.councilName, settings.openDataLicence].join("\n"),
    (links) =>
      `${JSON.stringify(partnersJson(links, { councilName: settings.councilName, licence: licenceOf(settings.openDataLicence), origin, generatedAt: new Date() }), null, 2)}\n`,
  );
  return openDataResponse(body, "json");
}
