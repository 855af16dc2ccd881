import { connection } from "next/server";
import { listPublicEventsForFeed } from "@/lib/data/events";
import { publicFile } from "@/lib/data/public";
import { getSettings } from "@/lib/data/settings";
import { siteOrigin } from "@/lib/web/request-context";
import { eventsCalendar } from "@/lib/open-data/events-feed";

/** Public events as an iCalendar feed (RFC 5545) to subscribe to. Internal events never appear. */
export async function GET(): Promise<Response> {
  await connection();
  const [settings, origin] = await Promise.all([getSettings(), siteOrigin()]);
  const body = await publicFile("events.ics", "activity", `${origin}\n${settings.councilName}`, async () =>
    eventsCalendar(await listPublicEventsForFeed(), { origin, councilName: settings.councilName }),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="events.ics"',
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
