import { connection } from "next/server";
import { getPublicEvent } from "@/lib/data/whats-on";
import { getSettings } from "@/lib/data/settings";
import { eventIdOfCalendarFile } from "@/lib/domain/whats-on";
import { siteOrigin } from "@/lib/web/request-context";
import { eventsCalendar } from "@/lib/open-data/events-feed";

type Params = { params: Promise<{ file: string }> };

/** "Add to calendar": one public event as an iCalendar file (/whats-on/<id>.ics), the same event as in the feed (same UID). */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  await connection();
  const id = eventIdOfCalendarFile((await params).file);
  const event = id ? await getPublicEvent(id) : null;
  if (!event) return new Response("No public event has this address.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const [{ councilName }, origin] = await Promise.all([getSettings(), siteOrigin()]);
  return new Response(eventsCalendar([event], { origin, councilName }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${event.id}.ics"`,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
