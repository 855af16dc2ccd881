import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { siteOriginFrom } from "@/lib/web/request-context";
import { DEFAULT_LOCALE, isLocale, LANGUAGE_TAGS, localesOf, localizedPath, type Locale } from "./locales";
import { LOCALE_HEADER, PATH_HEADER } from "./request-header";

/** The language of this request's page or action (the one its address names, as proxy.ts recorded it). */
export async function getPageLocale(): Promise<Locale> {
  const locale = (await headers()).get(LOCALE_HEADER);
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** Redirect to `path` in the language of this request: an action posted from a Welsh page lands on a Welsh page. */
export async function redirectLocalized(path: string): Promise<never> {
  redirect(localizedPath(path, await getPageLocale()));
}

/** The path and query of this request's page without its language prefix ("/partners?page=2"), as proxy.ts recorded it. */
export async function getPagePath(): Promise<string> {
  const path = (await headers()).get(PATH_HEADER);
  return path?.startsWith("/") ? path : "/";
}

/**
 * The page's address in each language it is offered in, for hreflang links (absolute, as search
 * engines want them), with x-default the English one.
 */
export async function languageAlternates(): Promise<{ canonical: string; languages: Record<string, string> }> {
  const [requestHeaders, path, locale] = await Promise.all([headers(), getPagePath(), getPageLocale()]);
  const origin = siteOriginFrom(requestHeaders);
  const pathOnly = path.replace(/[?#].*$/s, "");
  const languages: Record<string, string> = {};
  for (const other of localesOf(pathOnly)) languages[LANGUAGE_TAGS[other]] = `${origin}${localizedPath(pathOnly, other)}`;
  languages["x-default"] = `${origin}${pathOnly}`;
  return { canonical: `${origin}${localizedPath(pathOnly, locale)}`, languages };
}
