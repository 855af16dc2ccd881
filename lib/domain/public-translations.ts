// Which text a public page in a language shows: the translation staff saved, else the English,
// marked "Not yet translated" (with lang="en" so a screen reader reads it in an English voice).
// Pure: the partner pages and the listing read it.
import type { Locale } from "@/lib/i18n/locales";
import type { ContentLocale } from "@/lib/domain/validation/agreement";
import type { PublicLink } from "./public-types";

export type ShownText = {
  text: string;
  /** True when the page is not in English and the English text stands in for a missing translation. */
  untranslated: boolean;
};

function shown(english: string, translated: string | null | undefined, locale: Locale): ShownText {
  if (locale === "en" || !english) return { text: english, untranslated: false };
  return translated ? { text: translated, untranslated: false } : { text: english, untranslated: true };
}

/** The link's public summary in `locale`; an empty summary stays empty. */
export function publicSummaryIn(link: Pick<PublicLink, "publicSummary" | "translations">, locale: Locale): ShownText {
  return shown(link.publicSummary, locale === "en" ? null : link.translations[locale]?.publicSummary, locale);
}

/** The public reason of the link's status in `locale`, or null when its status shows none. */
export function publicReasonIn(link: Pick<PublicLink, "publicReason" | "translations">, locale: Locale): ShownText | null {
  if (!link.publicReason) return null;
  return shown(link.publicReason, locale === "en" ? null : link.translations[locale]?.publicReason, locale);
}

/** An agreement's public text and its translations, as the staff page's Translations section shows them. */
export type AgreementTranslations = {
  /** The English text the translations are of. */
  publicSummary: string;
  /** The public reason shown for the current status (a paused or ended link), or null: nothing to translate. */
  publicReason: string | null;
  /** Each language's saved text; a field that is null is not yet translated. */
  byLocale: Record<ContentLocale, { publicSummary: string | null; publicReason: string | null }>;
};
