// An iCalendar (RFC 5545) writer for a published feed of events. Pure: no database, no framework.
// Times are written in the UTC "Z" form (RFC 5545 §3.3.5, form #2), which every client converts
// to its own zone, so the feed needs no VTIMEZONE components.

export type CalendarEvent = {
  /** Globally unique and stable across feed refreshes, e.g. "event-<uuid>@<host>". */
  uid: string;
  /** When the event was last revised: DTSTAMP and LAST-MODIFIED. */
  stamp: Date;
  created?: Date;
  start: Date;
  /** Left out when unknown: the event then ends when it starts (RFC 5545 §3.6.1). */
  end?: Date | null;
  summary: string;
  description?: string;
  location?: string;
  /** An absolute http(s) URL: the page that tells more about the event. */
  url?: string;
  categories?: string[];
  /**
   * SEQUENCE (RFC 5545 §3.8.7.4): the revision, raised by each significant change (a new time, a
   * cancellation), so a subscribed calendar replaces its copy. Left out: 0.
   */
  sequence?: number;
  /** STATUS (§3.8.1.11); CANCELLED keeps the event, with its UID, and calendars show it called off. */
  status?: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
};

export type Calendar = {
  /** "-//Owner//Product//EN" */
  prodId: string;
  name?: string;
  description?: string;
  /** How often clients should refresh, as an RFC 5545 duration (e.g. "PT12H"). */
  refreshInterval?: string;
  events: CalendarEvent[];
};

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line so no line is longer than 75 octets (RFC 5545 §3.1): each continuation
 * starts with one space. Splits only between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      // The leading space of a continuation line counts towards its 75 octets.
      limit = MAX_OCTETS - 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A DATE-TIME in UTC: 20270508T180000Z. */
export function formatUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date in a calendar event");
  return date.toISOString().replace(/\.\d{3}/, "").replace(/[-:]/g, "");
}

function uri(value: string): string {
  const url = new URL(value);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new RangeError("A calendar URL must be http or https");
  return url.href;
}

function vevent(event: CalendarEvent): string[] {
  if (event.end && event.end < event.start) throw new RangeError(`Event ${event.uid} ends before it starts`);
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART:${formatUtc(event.start)}`,
  ];
  if (event.sequence !== undefined) {
    if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError(`Event ${event.uid}: SEQUENCE must be a whole number, 0 or more`);
    lines.push(`SEQUENCE:${event.sequence}`);
  }
  if (event.status) lines.push(`STATUS:${event.status}`);
  if (event.end) lines.push(`DTEND:${formatUtc(event.end)}`);
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${uri(event.url)}`);
  if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
  if (event.created) lines.push(`CREATED:${formatUtc(event.created)}`);
  lines.push(`LAST-MODIFIED:${formatUtc(event.stamp)}`, "END:VEVENT");
  return lines;
}

/** The whole calendar as text: folded lines, CRLF line endings, ending with CRLF. */
export function serialiseCalendar(calendar: Calendar): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${escapeText(calendar.prodId)}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (calendar.name) lines.push(`NAME:${escapeText(calendar.name)}`, `X-WR-CALNAME:${escapeText(calendar.name)}`);
  if (calendar.description) lines.push(`DESCRIPTION:${escapeText(calendar.description)}`, `X-WR-CALDESC:${escapeText(calendar.description)}`);
  if (calendar.refreshInterval) {
    if (!/^P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$/.test(calendar.refreshInterval)) throw new RangeError("refreshInterval must be an RFC 5545 duration");
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${calendar.refreshInterval}`, `X-PUBLISHED-TTL:${calendar.refreshInterval}`);
  }
  for (const event of calendar.events) lines.push(...vevent(event));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
