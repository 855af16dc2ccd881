import { connection } from "next/server";
import { currentLinksFile } from "@/lib/data/public";
import { partnerTranslationsCsv } from "@/lib/open-data/partners";
import { openDataResponse } from "@/lib/open-data/response";

export async function GET(): Promise<Response> {
  await connection();
  const body = await currentLinksFile("partner-translations.csv", "", partnerTranslationsCsv);
  return openDataResponse(body, "csv", "partner-translations.csv");
}
