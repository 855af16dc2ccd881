import NextLink from "next/link";
import type { ComponentProps } from "react";
import { localizedPath, splitLocalePath } from "@/lib/i18n/locales";
import { usePageLocale } from "@/lib/i18n/navigation";

/**
 * next/link with the address in the page's language: `href="/partners"` on a Welsh page goes to
 * /cy/partners. Every link within the site uses this one. A page not offered in the page's
 * language (a staff page from a German one) keeps its English address, and is a plain link: the
 * root layout (its <html lang>, header and messages) is kept across client-side navigations, so a
 * change of language must load the page afresh.
 */
export function Link({ href, prefetch, replace, scroll, shallow, passHref, legacyBehavior, locale: _nextLocale, onNavigate, ...props }: ComponentProps<typeof NextLink>) {
  const locale = usePageLocale();
  if (typeof href !== "string") return <NextLink href={href} {...{ prefetch, replace, scroll, shallow, passHref, legacyBehavior, onNavigate }} {...props} />;
  const target = localizedPath(href, locale);
  const changesLanguage = target.startsWith("/") && !target.startsWith("//") && splitLocalePath(target.replace(/[?#].*$/s, "")).locale !== locale;
  if (changesLanguage) return <a href={target} {...props} />;
  return <NextLink href={target} {...{ prefetch, replace, scroll, shallow, passHref, legacyBehavior, onNavigate }} {...props} />;
}
