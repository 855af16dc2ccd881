import { connection } from "next/server";
import { currentLinksFile } from "@/lib/data/public";
import { siteOriginFrom } from "@/lib/web/request-context";
import { partnersCsv } from "@/lib/open-data/partners";
import { openDataResponse } from "@/lib/open-data/response";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const origin = siteOriginFrom(request.headers);
  const body = await currentLinksFile("partners.csv", origin, (links) => partnersCsv(links, origin));
  return openDataResponse(body, "csv", "partners.csv");
}
