// What's on (/whats-on, partner pages): which public events are still to come and which are past,
// at a given moment. Pure: the caller passes `now`, so a test decides the time.
import type { EventKind } from "@/generated/prisma/enums";

/** A public event as the public pages and calendar files show it (lib/data/events.ts listPublicEventsForFeed). */
export type WhatsOnEvent = {
  id: string;
  title: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date | null;
  timeZone: string;
  place: string;
  description: string;
  cancelledAt: Date | null;
  cancellationPublicReason: string | null;
  /** The partner whose public link the event belongs to; null when it has none the public may see. */
  partner: { name: string; slug: string } | null;
};

type Timed = Pick<WhatsOnEvent, "startsAt" | "endsAt">;

/** When an event is over: its end, or its start when it has no (later) end. */
export function endOf(event: Timed): Date {
  return event.endsAt && event.endsAt > event.startsAt ? event.endsAt : event.startsAt;
}

/** Still to come or under way at `now`. */
export function isUpcoming(event: Timed, now: Date): boolean {
  return endOf(event) >= now;
}

/** Events not over yet, the soonest first; a cancelled one stays, marked Cancelled, until it would have ended. */
export function upcomingEvents<T extends WhatsOnEvent>(events: readonly T[], now: Date): T[] {
  return events.filter((event) => isUpcoming(event, now)).sort(bySoonest);
}

/**
 * Events that are over, the latest first. A cancelled one is left out: it never took place (the
 * calendar feed still carries it as CANCELLED, for calendars that kept a copy).
 */
export function pastEvents<T extends WhatsOnEvent>(events: readonly T[], now: Date): T[] {
  return events
    .filter((event) => !isUpcoming(event, now) && !event.cancelledAt)
    .sort((a, b) => -bySoonest(a, b));
}

function bySoonest(a: WhatsOnEvent, b: WhatsOnEvent): number {
  return a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The partners that have public events, by name, for the Partner filter. */
export function partnersOfEvents(events: readonly WhatsOnEvent[]): { slug: string; name: string }[] {
  const partners = new Map<string, string>();
  for (const event of events) if (event.partner) partners.set(event.partner.slug, event.partner.name);
  return [...partners].map(([slug, name]) => ({ slug, name })).sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.slug.localeCompare(b.slug));
}

/** The address of one event's calendar file ("Add to calendar"): /whats-on/<id>.ics. */
export function eventCalendarPath(id: string): string {
  return `/whats-on/${id}.ics`;
}

/** The id in an event calendar file's name, or null for any other name. */
export function eventIdOfCalendarFile(file: string): string | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.ics$/i.exec(file);
  return match ? match[1]!.toLowerCase() : null;
}

/** A partner's own calendar feed: /partners/<slug>/events.ics. */
export function partnerCalendarPath(slug: string): string {
  return `/partners/${encodeURIComponent(slug)}/events.ics`;
}
