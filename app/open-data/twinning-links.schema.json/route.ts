import { connection } from "next/server";
import { openDataResponse } from "@/lib/open-data/response";
import { twinningLinksJsonSchema } from "@/lib/open-data/twinning-links";
import { siteOriginFrom } from "@/lib/web/request-context";

export async function GET(request: Request): Promise<Response> {
  await connection();
  return openDataResponse(`${JSON.stringify(twinningLinksJsonSchema(siteOriginFrom(request.headers)), null, 2)}\n`, "schema");
}
