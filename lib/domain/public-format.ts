// How the public pages word a partner and its link, in the page's language. Pure.
import { createTranslator } from "use-intl/core";
import { countryName, NO_COUNTRY } from "@/lib/domain/countries";
import { labelsIn } from "@/lib/domain/labels";
import { yearOf } from "@/lib/domain/format";
import { LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";
import { NAMESPACES } from "@/lib/i18n/messages";
import type { PublicLink, PublicPartner } from "./public-types";

/** A YYYY-MM-DD or ISO 8601 string as a Date (date-only strings are UTC midnight, as stored). */
export function dateOf(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

const translators = new Map<Locale, ReturnType<typeof publicTranslator>>();

function publicTranslator(locale: Locale) {
  return createTranslator({ locale: LANGUAGE_TAGS[locale], messages: { public: NAMESPACES.public[locale] ?? NAMESPACES.public.en }, namespace: "public" });
}

function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = publicTranslator(locale)));
  return t;
}

/** "1953 (formalised 1957)", "1953", or "" when neither date is known. */
export function sinceYearsOf(link: Pick<PublicLink, "linkBegan" | "formalisedOn">, locale: Locale = "en"): string {
  const began = yearOf(dateOf(link.linkBegan));
  const formalised = yearOf(dateOf(link.formalisedOn));
  if (!began && !formalised) return "";
  if (!began) return String(formalised);
  return formalised && formalised !== began ? translator(locale)("since.formalised", { began: String(began), formalised: String(formalised) }) : String(began);
}

/**
 * "Since 1953 (formalised 1957)", or "" when neither date is known; `inline` for the middle of a
 * sentence ("since 1953").
 */
export function sinceOf(link: Pick<PublicLink, "linkBegan" | "formalisedOn">, locale: Locale = "en", { inline = false } = {}): string {
  const years = sinceYearsOf(link, locale);
  return years ? translator(locale)(inline ? "since.inline" : "since.start", { years }) : "";
}

/** A country's name in the language: the site's own English table, else the platform's names (server-rendered). */
export function countryNameIn(code: string, locale: Locale = "en"): string {
  if (code === NO_COUNTRY) return translator(locale)("noCountry");
  if (locale === "en") return countryName(code);
  try {
    const name = new Intl.DisplayNames([LANGUAGE_TAGS[locale]], { type: "region", fallback: "none" }).of(code);
    return name || countryName(code);
  } catch {
    return countryName(code);
  }
}

/** "Germany · Schleswig-Holstein": the country (when there is one) and region. */
export function placeOf(partner: Pick<PublicPartner, "country" | "region">, locale: Locale = "en"): string {
  return [partner.country ? countryNameIn(partner.country, locale) : null, partner.region].filter(Boolean).join(" · ");
}

export function localityOf(partner: Pick<PublicPartner, "kind">, locale: Locale = "en"): string {
  return labelsIn(locale).localityKind[partner.kind];
}

/** A label inside a sentence: lower case ("twin town"), except in German, whose nouns keep their capital. */
export function labelInSentence(label: string, locale: Locale): string {
  return locale === "de" ? label : label.toLocaleLowerCase(LANGUAGE_TAGS[locale]);
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
