import { connection } from "next/server";
import { currentLinksFile } from "@/lib/data/public";
import { partnersGeoJson } from "@/lib/open-data/geojson";
import { siteOriginFrom } from "@/lib/web/request-context";
import { openDataResponse } from "@/lib/open-data/response";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const origin = siteOriginFrom(request.headers);
  const body = await currentLinksFile("partners.geojson", origin, (links) => `${JSON.stringify(partnersGeoJson(links, origin), null, 2)}\n`);
  return openDataResponse(body, "geojson");
}
