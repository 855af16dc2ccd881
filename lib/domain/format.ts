// Dates and numbers as a UK council writes them, in the page's language (English unless given);
// dates are calendar dates stored at UTC midnight.
import { LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";

/** The council's time zone: times of day are shown in it. */
export const COUNCIL_TIME_ZONE = "Europe/London";

const DATE: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
// Every time of day shown carries its zone (GMT or BST): a reader elsewhere, or a summer date read in winter, is never misled.
const DATE_TIME: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: COUNCIL_TIME_ZONE, timeZoneName: "short" };
const TIME_WITH_ZONE: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", timeZone: COUNCIL_TIME_ZONE, timeZoneName: "short" };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language and style: making one costs far more than using it. */
function dateFormatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${options === DATE ? "d" : options === DATE_TIME ? "dt" : "t"}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], options)));
  return formatter;
}

/** A number as the language writes it: "1,200" in English and Welsh, "1.200" in German, "1 200" in French. */
export function formatNumber(value: number, locale: Locale = "en"): string {
  return value.toLocaleString(LANGUAGE_TAGS[locale]);
}

/** "1 agreement", "1,200 agreements"; `many` for a plural that is not `one` + "s" ("rows were"). English only: translated text uses the messages' plural forms. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** "3 December 2026"; "3 Rhagfyr 2026" in Welsh. */
export function formatDate(date: Date | null | undefined, locale: Locale = "en"): string {
  return date ? dateFormatter(locale, DATE).format(date) : "";
}

/** "3 December 2026 at 14:05 GMT" (or BST in summer). */
export function formatDateTime(date: Date | null | undefined, locale: Locale = "en"): string {
  return date ? dateFormatter(locale, DATE_TIME).format(date) : "";
}

/** "14:05 GMT" (or BST in summer): a time today, e.g. when a lock ends, with the zone it is in. */
export function formatTimeWithZone(date: Date, locale: Locale = "en"): string {
  return dateFormatter(locale, TIME_WITH_ZONE).format(date);
}

export function yearOf(date: Date | null | undefined): number | null {
  return date ? date.getUTCFullYear() : null;
}

/** "since 1953 (formalised 1957)" */
export function sinceText(linkBegan: Date | null, formalisedOn: Date | null): string {
  const began = yearOf(linkBegan);
  const formalised = yearOf(formalisedOn);
  if (!began && !formalised) return "";
  if (!began) return `since ${formalised}`;
  return formalised && formalised !== began ? `since ${began} (formalised ${formalised})` : `since ${began}`;
}

export function formatMoney(amount: number | string | null | undefined, currency: string | null | undefined, locale: Locale = "en"): string {
  if (amount === null || amount === undefined || amount === "") return "";
  try {
    return new Intl.NumberFormat(LANGUAGE_TAGS[locale], { style: "currency", currency: currency || "GBP" }).format(Number(amount));
  } catch {
    return `${Number(amount).toFixed(2)} ${currency ?? ""}`.trim();
  }
}
