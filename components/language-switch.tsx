import NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { LANGUAGE_NAMES, LANGUAGE_TAGS, localesOf, localizedPath } from "@/lib/i18n/locales";
import { getPageLocale, getPagePath } from "@/lib/i18n/server";

/**
 * Links to this page in each other language it is offered in ("Cymraeg" on an English page,
 * "English" on a Welsh one), each named in its own language and marked as such for screen readers.
 * Plain links: the language is the address, so no cookie or script is involved. Not prefetched:
 * few readers switch, and a 404 page would prefetch its own 404 in each language.
 */
export async function LanguageSwitch() {
  const [locale, path, t] = await Promise.all([getPageLocale(), getPagePath(), getTranslations("common.language")]);
  const pathOnly = path.replace(/[?#].*$/s, "");
  const query = path.slice(pathOnly.length);
  const others = localesOf(pathOnly).filter((other) => other !== locale);
  if (others.length === 0) return null;
  return (
    <nav aria-label={t("switch")}>
      <ul className="m-0 flex list-none flex-wrap gap-x-4 p-0 text-sm">
        {others.map((other) => (
          <li key={other}>
            <NextLink prefetch={false} href={`${localizedPath(pathOnly, other)}${query}`} lang={LANGUAGE_TAGS[other]} hrefLang={LANGUAGE_TAGS[other]} className="text-white hover:text-white">
              {LANGUAGE_NAMES[other]}
            </NextLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
