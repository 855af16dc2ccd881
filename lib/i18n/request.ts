import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { COUNCIL_TIME_ZONE } from "@/lib/domain/format";
import { isLocale, LANGUAGE_TAGS, localeOfTag, type Locale } from "./locales";
import { messagesFor } from "./messages";
import { LOCALE_HEADER } from "./request-header";
import { logger } from "@/lib/config/logger";

// The language of a request is the one its address names: proxy.ts strips the prefix ("/cy/…")
// and tells the page in LOCALE_HEADER, which it sets on every request (a visitor cannot send it).
// next-intl is given the regional tag ("cy-GB"): Intl formats dates and plurals by it (Welsh has
// six plural forms), and lib/i18n/navigation.ts turns it back into the address prefix.
export default getRequestConfig(async ({ locale: asked }) => {
  const fromAddress = (await headers()).get(LOCALE_HEADER);
  const locale: Locale = asked ? localeOfTag(asked) : isLocale(fromAddress) ? fromAddress : "en";
  return {
    locale: LANGUAGE_TAGS[locale],
    messages: messagesFor(locale),
    timeZone: COUNCIL_TIME_ZONE,
    onError: (error) => logger.error(`Message missing or invalid in ${LANGUAGE_TAGS[locale]}: ${error.message}`),
  };
});
