import { useLocale } from "next-intl";
import { localeOfTag, type Locale } from "./locales";

// The language of the page being rendered, for components on the server and in the browser alike
// (next-intl's hooks work in both). next-intl holds the regional tag; addresses use the language.

/** The site's language of the page being rendered ("cy" on a Welsh page). */
export function usePageLocale(): Locale {
  return localeOfTag(useLocale());
}
