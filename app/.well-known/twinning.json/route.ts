// Who the council is and where its twinning open data is (lib/open-data/twinning-links.ts
// wellKnownTwinning): the one address another council's software needs to know.
import { connection } from "next/server";
import { getSettings } from "@/lib/data/settings";
import { councilOf } from "@/lib/open-data/council";
import { openDataResponse } from "@/lib/open-data/response";
import { wellKnownTwinning } from "@/lib/open-data/twinning-links";
import { siteOriginFrom } from "@/lib/web/request-context";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const body = wellKnownTwinning(councilOf(await getSettings()), siteOriginFrom(request.headers));
  return openDataResponse(`${JSON.stringify(body, null, 2)}\n`, "json");
}
