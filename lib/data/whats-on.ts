import "server-only";
import { cacheUntilChanged } from "@/lib/cache";
import { listPublicEventsForFeed, type FeedEvent } from "./events";
import { pageOf, PAGE_SIZE, type Page } from "../domain/pagination";
import { partnersOfEvents, pastEvents, upcomingEvents } from "../domain/whats-on";
import { queryParam } from "../domain/validation/fields";

// What's on (/whats-on, /whats-on/past), the partner pages' events and the calendar files: every
// public event is read once per version of the data (the calendar feed's rows: only what the
// public may see) and kept in memory; which are upcoming is decided per request, as time moves.

const publicEvents = cacheUntilChanged<FeedEvent[]>({ topics: ["links", "activity"], maxEntries: 1 });

/** Every public event, the earliest first. */
export function listPublicEvents(): Promise<FeedEvent[]> {
  return publicEvents("", listPublicEventsForFeed);
}

export type WhatsOnQuery = { partner?: string; page: number };

/** The query of /whats-on and /whats-on/past: a partner's slug (anything else is ignored) and the page. */
export function parseWhatsOnQuery(params: Record<string, string | string[] | undefined>, page: number): WhatsOnQuery {
  const partner = queryParam(params.partner);
  return { partner: partner && partner.length <= 200 ? partner : undefined, page };
}

export type WhatsOn = {
  events: Page<FeedEvent>;
  /** Partners with public events, for the filter. */
  partners: { slug: string; name: string }[];
  /** The partner filtered by, when it is one of `partners`. */
  partner: { slug: string; name: string } | null;
};

/** One page of the upcoming (soonest first) or past (latest first) public events, of one partner or all. */
export async function whatsOn(when: "upcoming" | "past", query: WhatsOnQuery, now = new Date()): Promise<WhatsOn> {
  const events = await listPublicEvents();
  const partners = partnersOfEvents(events);
  const partner = partners.find((candidate) => candidate.slug === query.partner) ?? null;
  const chosen = partner ? events.filter((event) => event.partner?.slug === partner.slug) : events;
  const list = when === "past" ? pastEvents(chosen, now) : upcomingEvents(chosen, now);
  const pageCount = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return { events: pageOf(list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), list.length, page), partners, partner };
}

/** A public partner's events: all still to come and the latest past ones. */
export async function partnerEvents(slug: string, now = new Date(), pastShown = 10): Promise<{ upcoming: FeedEvent[]; past: FeedEvent[]; pastTotal: number; all: FeedEvent[] }> {
  const all = (await listPublicEvents()).filter((event) => event.partner?.slug === slug);
  const past = pastEvents(all, now);
  return { upcoming: upcomingEvents(all, now), past: past.slice(0, pastShown), pastTotal: past.length, all };
}

/** One public event (its "Add to calendar" file), or null. */
export async function getPublicEvent(id: string): Promise<FeedEvent | null> {
  return (await listPublicEvents()).find((event) => event.id === id) ?? null;
}
