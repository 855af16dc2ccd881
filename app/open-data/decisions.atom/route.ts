import { connection } from "next/server";
import { listPublicDecisions } from "@/lib/data/public";
import { getSettings } from "@/lib/data/settings";
import { decisionsAtom } from "@/lib/open-data/atom";
import { licenceOf } from "@/lib/open-data/licence";
import { originFrom } from "@/lib/open-data/origin";
import { openDataResponse } from "@/lib/open-data/response";

const FEED_SIZE = 100;

export async function GET(request: Request): Promise<Response> {
  await connection();
  const [decisions, settings] = await Promise.all([listPublicDecisions(FEED_SIZE), getSettings()]);
  const body = decisionsAtom(decisions, {
    councilName: settings.councilName,
    licence: licenceOf(settings.openDataLicence),
    origin: originFrom(request.headers, new URL(request.url).origin),
    now: new Date(),
  });
  return openDataResponse(body, "atom");
}
