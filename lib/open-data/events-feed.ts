import type { FeedEvent } from "@/lib/data/events";
import { EVENT_KIND_LABELS } from "@/lib/domain/labels";
import { serialiseCalendar } from "@/lib/ical/calendar";

/**
 * The public events as the iCalendar feed /open-data/events.ics. A cancelled event is still sent,
 * with the same UID and a higher SEQUENCE, as STATUS:CANCELLED (RFC 5545): a subscribed calendar
 * then marks its copy called off instead of keeping it as if nothing had happened. A deleted one
 * (logged in error) is simply no longer in the feed.
 */
export function eventsCalendar(
  events: readonly FeedEvent[],
  { origin, councilName, partnerName }: { origin: string; councilName: string; /** A partner's own feed (/partners/<slug>/events.ics). */ partnerName?: string },
): string {
  return serialiseCalendar({
    prodId: `-//${councilName}//Twinning Office//EN`,
    name: partnerName ? `${councilName}: twinning events with ${partnerName}` : `${councilName}: twinning events`,
    description: partnerName ? `Public events of ${councilName}'s link with ${partnerName}` : `Public events with ${councilName}'s partner towns and cities`,
    refreshInterval: "PT6H",
    events: events.map((event) => ({
      // The event's id is a UUID: unique anywhere, and stable if the site moves.
      uid: `event-${event.id}@twinning-office`,
      stamp: event.updatedAt,
      created: event.createdAt,
      sequence: event.sequence,
      ...(event.cancelledAt && { status: "CANCELLED" as const }),
      start: event.startsAt,
      end: event.endsAt && event.endsAt > event.startsAt ? event.endsAt : null,
      summary: event.cancelledAt ? `Cancelled: ${event.title}` : event.title,
      description: event.cancelledAt ? [`Cancelled. ${event.cancellationPublicReason ?? ""}`.trim(), event.description].filter(Boolean).join("\n\n") : event.description,
      location: event.place,
      url: event.partner ? `${origin}/partners/${encodeURIComponent(event.partner.slug)}` : `${origin}/partners`,
      categories: [EVENT_KIND_LABELS[event.kind]],
    })),
  });
}
