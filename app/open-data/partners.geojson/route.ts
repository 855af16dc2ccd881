import { connection } from "next/server";
import { listCurrentLinks } from "@/lib/data/public";
import { partnersGeoJson } from "@/lib/open-data/geojson";
import { originFrom } from "@/lib/open-data/origin";
import { openDataResponse } from "@/lib/open-data/response";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const links = await listCurrentLinks();
  const body = partnersGeoJson(links, originFrom(request.headers, new URL(request.url).origin));
  return openDataResponse(`${JSON.stringify(body, null, 2)}\n`, "geojson");
}
