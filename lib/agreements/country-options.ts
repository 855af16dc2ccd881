// The agreement form's country choices in a page's language: named by countryNameIn (the site's
// English table, else the platform's names) and sorted as that language sorts. Made on the server
// and given to the form, so the browser never names a country differently from the server.
import { COUNTRIES } from "@/lib/domain/countries";
import { countryNameIn } from "@/lib/domain/public-format";
import { LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";

export function countryOptionsIn(locale: Locale): { value: string; label: string }[] {
  const options = COUNTRIES.map((country) => ({ value: country.code, label: locale === "en" ? country.name : countryNameIn(country.code, locale) }));
  return locale === "en" ? options : options.sort((a, b) => a.label.localeCompare(b.label, LANGUAGE_TAGS[locale]));
}
