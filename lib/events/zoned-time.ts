// Wall-clock time in an IANA time zone ⇄ an instant in UTC, with Intl alone (no time zone
// library). Pure: runs the same on the server and in the browser.

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      era: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for a time zone name this runtime knows (IANA names such as Europe/London, and UTC). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(name) || name.length > 64) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** The time zones to offer in a form, UTC first. */
export function timeZoneChoices(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Europe/London"];
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}

/** The wall-clock time at an instant in a zone, as milliseconds of a UTC date with the same fields. */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const year = parts.era === "BC" || parts.era === "B" ? 1 - Number(parts.year) : Number(parts.year);
  return Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

function offsetMs(instant: number, timeZone: string): number {
  return wallClockMs(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

export type ZonedParse = { ok: true; date: Date } | { ok: false; problem: "format" | "nonexistent" | "zone" };

/**
 * The instant at which clocks in `timeZone` show `wallTime` ("2027-05-08T19:00", as a
 * datetime-local input sends it). When clocks go back and the time happens twice, the earlier
 * one; when clocks go forward and the time never happens, a "nonexistent" problem.
 */
export function zonedWallTimeToUtc(wallTime: string, timeZone: string): ZonedParse {
  if (!isTimeZone(timeZone)) return { ok: false, problem: "zone" };
  const match = WALL_TIME.exec(wallTime.trim());
  if (!match) return { ok: false, problem: "format" };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((value) => Number(value ?? 0)) as [number, number, number, number, number, number];
  if (year < 1000 || year > 2999 || hour > 23 || minute > 59 || second > 59) return { ok: false, problem: "format" };
  const wanted = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wanted);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return { ok: false, problem: "format" };
  // The offset a day either side: a transition between them is the only case with two candidates.
  const offsets = new Set([offsetMs(wanted - 86_400_000, timeZone), offsetMs(wanted, timeZone), offsetMs(wanted + 86_400_000, timeZone)]);
  const candidates = [...offsets].map((offset) => wanted - offset).filter((instant) => wallClockMs(instant, timeZone) === wanted);
  if (candidates.length === 0) return { ok: false, problem: "nonexistent" };
  return { ok: true, date: new Date(Math.min(...candidates)) };
}

/** "2027-05-08T19:00": the value a datetime-local input shows for an instant in a zone. */
export function utcToZonedWallTime(date: Date, timeZone: string): string {
  return new Date(wallClockMs(date.getTime(), timeZone)).toISOString().slice(0, 16);
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "8 May 2027 at 19:00 BST", in the event's own zone; `languageTag` ("cy-GB") words it in another
 * language ("8 Mai 2027 am 19:00 BST").
 */
export function formatInZone(date: Date, timeZone: string, languageTag = "en-GB"): string {
  const key = `${languageTag}|${timeZone}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(languageTag, { timeZone, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
    displayFormatters.set(key, formatter);
  }
  return formatter.format(date);
}
