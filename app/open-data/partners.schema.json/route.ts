import { connection } from "next/server";
import { originFrom } from "@/lib/open-data/origin";
import { partnersJsonSchema } from "@/lib/open-data/partners";
import { openDataResponse } from "@/lib/open-data/response";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const body = partnersJsonSchema(originFrom(request.headers, new URL(request.url).origin));
  return openDataResponse(`${JSON.stringify(body, null, 2)}\n`, "schema");
}
