// Dates and numbers as a UK council writes them; dates are calendar dates stored at UTC midnight.
/** The council's time zone: times of day are shown in it. */
export const COUNCIL_TIME_ZONE = "Europe/London";

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
// Every time of day shown carries its zone (GMT or BST): a reader elsewhere, or a summer date read in winter, is never misled.
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: COUNCIL_TIME_ZONE, timeZoneName: "short" });
const TIME_WITH_ZONE = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: COUNCIL_TIME_ZONE, timeZoneName: "short" });

/** "1 agreement", "1,200 agreements"; `many` for a plural that is not `one` + "s" ("rows were"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

export function formatDate(date: Date | null | undefined): string {
  return date ? DATE.format(date) : "";
}

/** "3 December 2026 at 14:05 GMT" (or BST in summer). */
export function formatDateTime(date: Date | null | undefined): string {
  return date ? DATE_TIME.format(date) : "";
}

/** "14:05 GMT" (or BST in summer): a time today, e.g. when a lock ends, with the zone it is in. */
export function formatTimeWithZone(date: Date): string {
  return TIME_WITH_ZONE.format(date);
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

export function formatMoney(amount: number | string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "";
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency: currency || "GBP" }).format(Number(amount));
  } catch {
    return `${Number(amount).toFixed(2)} ${currency ?? ""}`.trim();
  }
}
