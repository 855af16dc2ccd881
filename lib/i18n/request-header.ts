/** The request header proxy.ts sets to the language the address asks for (never taken from the visitor). */
export const LOCALE_HEADER = "x-twinning-locale";
/** The request header proxy.ts sets to the page's path and query without the language prefix: the language switch and hreflang links are made from it. */
export const PATH_HEADER = "x-twinning-path";
