"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { LANGUAGE_NAMES, LANGUAGE_TAGS, localesOf, localizedPath, splitLocalePath, type Locale } from "@/lib/i18n/locales";
import { usePageLocale } from "@/lib/i18n/navigation";

/**
 * Links to this page in each other language it is offered in ("Cymraeg" on an English page,
 * "English" on a Welsh one), each named in its own language and marked as such for screen readers.
 *
 * It sits in the root layout, which a client-side navigation keeps: so it follows the browser's
 * address (usePathname) rather than the address the layout was first rendered for, and its links
 * are plain links that load the other language afresh (a new <html lang>, header and messages);
 * the language is the address, so no cookie or script decides it. Without JavaScript the server's
 * render is the page's own address.
 */
export function LanguageSwitch({ path }: { path: string }) {
  const t = useTranslations("common.language");
  const locale = usePageLocale();
  const browserPath = usePathname();
  const search = useSearchParams().toString();
  // The server's render and the hydration use the proxy's record of the address (usePathname may
  // give the rewritten one on the server); once hydrated, the browser's.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const current = hydrated ? `${splitLocalePath(browserPath).path}${search ? `?${search}` : ""}` : path;
  const pathOnly = current.replace(/[?#].*$/s, "");
  const query = current.slice(pathOnly.length);
  const others = localesOf(pathOnly).filter((other): other is Locale => other !== locale);
  if (others.length === 0) return null;
  return (
    <nav aria-label={t("switch")}>
      <ul className="m-0 flex list-none flex-wrap gap-x-4 p-0 text-sm">
        {others.map((other) => (
          <li key={other}>
            <a href={`${localizedPath(pathOnly, other)}${query}`} lang={LANGUAGE_TAGS[other]} hrefLang={LANGUAGE_TAGS[other]} className="text-white hover:text-white">
              {LANGUAGE_NAMES[other]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function subscribeToNothing(): () => void {
  return () => {};
}
