// How a document's facts read on a page.
import { LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";

/** "840 kB", "1.2 MB" in the page's language (the unit's name from the platform's locale data). */
export function formatFileSize(bytes: number, locale: Locale = "en"): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], { style: "unit", unit: megabytes ? "megabyte" : "kilobyte", maximumFractionDigits: megabytes ? 1 : 0 }).format(Math.max(megabytes ? bytes / (1024 * 1024) : Math.ceil(bytes / 1024), megabytes ? 0 : 1));
}
