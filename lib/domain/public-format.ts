// How the public pages word a partner and its link. Pure.
import { countryName } from "@/lib/domain/countries";
import { LOCALITY_KIND_LABELS } from "@/lib/domain/labels";
import { sinceText } from "@/lib/domain/format";
import type { PublicLink, PublicPartner } from "./public-types";

/** A YYYY-MM-DD or ISO 8601 string as a Date (date-only strings are UTC midnight, as stored). */
export function dateOf(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Since 1953 (formalised 1957)", or "" when neither date is known. */
export function sinceOf(link: Pick<PublicLink, "linkBegan" | "formalisedOn">): string {
  const text = sinceText(dateOf(link.linkBegan), dateOf(link.formalisedOn));
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "";
}

/** "Germany · Schleswig-Holstein": the country (when there is one) and region. */
export function placeOf(partner: Pick<PublicPartner, "country" | "region">): string {
  return [partner.country ? countryName(partner.country) : null, partner.region].filter(Boolean).join(" · ");
}

export function localityOf(partner: Pick<PublicPartner, "kind">): string {
  return LOCALITY_KIND_LABELS[partner.kind];
}

/** Only http(s) addresses become links; anything else is shown as text. */
export function safeWebsite(website: string | null): string | null {
  if (!website) return null;
  try {
    const url = new URL(website);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
