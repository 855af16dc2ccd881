import { connection } from "next/server";
import { siteOriginFrom } from "@/lib/web/request-context";
import { partnersJsonSchema } from "@/lib/open-data/partners";
import { openDataResponse } from "@/lib/open-data/response";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const body = partnersJsonSchema(siteOriginFrom(request.headers));
  return openDataResponse(`${JSON.stringify(body, null, 2)}\n`, "schema");
}
