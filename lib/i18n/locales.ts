// The languages of the site and where each is served. Pure: the proxy, pages, emails and tests
// all read these. Routing is decided in docs/decisions/020-languages.md.

/** Every language a page may be read in; English is the default and has no prefix. */
export const LOCALES = ["en", "cy", "de", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/**
 * The languages of the staff pages: English and Welsh (the Welsh Language Standards ask for
 * Welsh pages with the same content, links and menus). German and French are partner languages,
 * offered on the public pages only.
 */
export const STAFF_LOCALES = ["en", "cy"] as const satisfies readonly Locale[];
export type StaffLocale = (typeof STAFF_LOCALES)[number];

/** Each language named in itself, as a language switch shows it. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: "English",
  cy: "Cymraeg",
  de: "Deutsch",
  fr: "Français",
};

/** The BCP 47 tag for `<html lang>`, hreflang and Intl formatting. */
export const LANGUAGE_TAGS: Record<Locale, string> = {
  en: "en-GB",
  cy: "cy-GB",
  de: "de-DE",
  fr: "fr-FR",
};

/** Open Graph's locale form (language_TERRITORY). */
export const OPEN_GRAPH_LOCALES: Record<Locale, string> = {
  en: "en_GB",
  cy: "cy_GB",
  de: "de_DE",
  fr: "fr_FR",
};

/** The pages anyone may read, offered in every language (paths without a language prefix). */
const PUBLIC_PATH = /^\/(?:partners(?:\/[^/]+)?|open-data|whats-on(?:\/past)?|decisions(?:\/[^/]+)?|accessibility|privacy|annual-report(?:\/[^/]+)?|confirm\/[^/]+)?$/;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isStaffLocale(value: unknown): value is StaffLocale {
  return typeof value === "string" && (STAFF_LOCALES as readonly string[]).includes(value);
}

/** Whether a path (without prefix) is a public page: it exists in every language. */
export function isPublicPath(path: string): boolean {
  return PUBLIC_PATH.test(path);
}

/** The languages a page at `path` (without prefix) is offered in. */
export function localesOf(path: string): readonly Locale[] {
  return isPublicPath(path) ? LOCALES : STAFF_LOCALES;
}

/**
 * The language a request path asks for and the page's own path: "/cy/partners" → cy, "/partners";
 * "/partners" → en, "/partners". A prefix the page is not offered in (German on a staff page) or
 * the default's own prefix ("/en/…") gives `served: false`: that address is not one of ours.
 */
export function splitLocalePath(pathname: string): { locale: Locale; path: string; prefixed: boolean; served: boolean } {
  const match = /^\/([a-z]{2})(?=\/|$)(.*)$/.exec(pathname);
  if (!match || !isLocale(match[1])) return { locale: DEFAULT_LOCALE, path: pathname, prefixed: false, served: true };
  const locale = match[1];
  const path = match[2] || "/";
  const served = locale !== DEFAULT_LOCALE && localesOf(path).includes(locale);
  return { locale, path, prefixed: true, served };
}

/**
 * The address of `path` (which may carry a query or fragment) in `locale`: "/partners" in Welsh is
 * "/cy/partners". A page not offered in that language (a staff page from a German one) keeps its
 * English address; other sites' addresses are left alone.
 */
export function localizedPath(path: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE || !path.startsWith("/") || path.startsWith("//")) return path;
  const pathOnly = path.replace(/[?#].*$/s, "") || "/";
  // Already in a language ("/cy/dashboard" as a sign-in's return address): as it is.
  if (splitLocalePath(pathOnly).prefixed || !localesOf(pathOnly).includes(locale)) return path;
  return pathOnly === "/" ? `/${locale}${path.slice(1)}` : `/${locale}${path}`;
}

/** The language of a BCP 47 tag as the site names it ("cy-GB" → cy), else the default. */
export function localeOfTag(tag: string | null | undefined): Locale {
  const language = tag?.slice(0, 2).toLowerCase();
  return isLocale(language) ? language : DEFAULT_LOCALE;
}
