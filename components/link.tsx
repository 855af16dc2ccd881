import NextLink from "next/link";
import type { ComponentProps } from "react";
import { localizedPath } from "@/lib/i18n/locales";
import { usePageLocale } from "@/lib/i18n/navigation";

/**
 * next/link with the address in the page's language: `href="/partners"` on a Welsh page goes to
 * /cy/partners. Every link within the site uses this one; a page not offered in the language keeps
 * its English address (lib/i18n/locales.ts localizedPath).
 */
export function Link({ href, ...props }: ComponentProps<typeof NextLink>) {
  const locale = usePageLocale();
  return <NextLink href={typeof href === "string" ? localizedPath(href, locale) : href} {...props} />;
}
