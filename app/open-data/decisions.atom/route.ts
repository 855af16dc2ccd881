import { connection } from "next/server";
import { listPublicDecisions, publicFile } from "@/lib/data/public";
import { getSettings } from "@/lib/data/settings";
import { decisionsAtom } from "@/lib/open-data/atom";
import { licenceOf } from "@/lib/open-data/licence";
import { siteOriginFrom } from "@/lib/web/request-context";
import { openDataResponse } from "@/lib/open-data/response";

const FEED_SIZE = 100;

export async function GET(request: Request): Promise<Response> {
  await connection();
  const settings = await getSettings();
  const origin = siteOriginFrom(request.headers);
  const body = await publicFile("decisions.atom", "decisions", [origin, settings.councilName, settings.openDataLicence].join("\n"), async () =>
    decisionsAtom(await listPublicDecisions(FEED_SIZE), {
      councilName: settings.councilName,
      licence: licenceOf(settings.openDataLicence),
      origin,
      now: new Date(),
    }),
  );
  return openDataResponse(body, "atom");
}
