import { connection } from "next/server";
import { listCurrentLinks } from "@/lib/data/public";
import { originFrom } from "@/lib/open-data/origin";
import { partnersCsv } from "@/lib/open-data/partners";
import { openDataResponse } from "@/lib/open-data/response";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const links = await listCurrentLinks();
  return openDataResponse(partnersCsv(links, originFrom(request.headers, new URL(request.url).origin)), "csv", "partners.csv");
}
