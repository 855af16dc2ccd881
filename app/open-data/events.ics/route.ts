import { connection } from "next/server";
import { listPublicEventsForFeed } from "@/lib/data/events";
import { publicFile } from "@/lib/data/public";
import { getSettings } from "@/lib/data/settings";
import { EVENT_KIND_LABELS } from "@/lib/domain/labels";
import { siteOrigin } from "@/lib/web/request-context";
import { serialiseCalendar } from "@/lib/ical/calendar";

/** Public events as an iCalendar feed (RFC 5545) to subscribe to. Internal events never appear. */
export async function GET(): Promise<Response> {
  await connection();
  const [settings, origin] = await Promise.all([getSettings(), siteOrigin()]);
  const body = await publicFile("events.ics", "activity", `${origin}\n${settings.councilName}`, async () =>
    serialiseCalendar({
      prodId: `-//${settings.councilName}//Twinning Office//EN`,
      name: `${settings.councilName}: twinning events`,
      description: `Public events with ${settings.councilName}'s partner towns and cities`,
      refreshInterval: "PT6H",
      events: (await listPublicEventsForFeed()).map((event) => ({
        // The event's id is a UUID: unique anywhere, and stable if the site moves.
        uid: `event-${event.id}@twinning-office`,
        stamp: event.updatedAt,
        created: event.createdAt,
        start: event.startsAt,
        end: event.endsAt && event.endsAt > event.startsAt ? event.endsAt : null,
        summary: event.title,
        description: event.description,
        location: event.place,
        url: event.partner ? `${origin}/partners/${encodeURIComponent(event.partner.slug)}` : `${origin}/partners`,
        categories: [EVENT_KIND_LABELS[event.kind]],
      })),
    }),
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
