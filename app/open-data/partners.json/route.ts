import { connection } from "next/server";
import { listCurrentLinks } from "@/lib/data/public";
import { getSettings } from "@/lib/data/settings";
import { licenceOf } from "@/lib/open-data/licence";
import { originFrom } from "@/lib/open-data/origin";
import { partnersJson } from "@/lib/open-data/partners";
import { openDataResponse } from "@/lib/open-data/response";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const [links, settings] = await Promise.all([listCurrentLinks(), getSettings()]);
  const origin = originFrom(request.headers, new URL(request.url).origin);
  const body = partnersJson(links, { councilName: settings.councilName, licence: licenceOf(settings.openDataLicence), origin, generatedAt: new Date() });
  return openDataResponse(`${JSON.stringify(body, null, 2)}\n`, "json");
}
