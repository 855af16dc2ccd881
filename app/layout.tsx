import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import "./globals.css";
import { LanguageSwitch } from "@/components/language-switch";
import { Link } from "@/components/link";
import { SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/lib/auth/session";
import { countAwaitingDecision } from "@/lib/data/notifications";
import { getSettings } from "@/lib/data/settings";
import { getPublicStatements } from "@/lib/data/statements";
import { CouncilContact } from "@/components/public/council-contact";
import { LANGUAGE_TAGS, OPEN_GRAPH_LOCALES } from "@/lib/i18n/locales";
import { clientMessagesFor } from "@/lib/i18n/messages";
import { getPageLocale, getPagePath, languageAlternates } from "@/lib/i18n/server";
import { signOut } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [{ councilName }, t, alternates, locale] = await Promise.all([getSettings(), getTranslations("common.site"), languageAlternates(), getPageLocale()]);
  return {
    title: { default: t("title", { council: councilName }), template: `%s · ${councilName}` },
    description: t("description", { council: councilName }),
    alternates,
    openGraph: { locale: OPEN_GRAPH_LOCALES[locale] },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page reads the database or the session at request time: nothing is prerendered at build.
  await connection();
  const [settings, user, locale, path, t] = await Promise.all([getSettings(), getCurrentUser(), getPageLocale(), getPagePath(), getTranslations("common")]);
  const [awaitingDecision, statements, notices] = await Promise.all([countAwaitingDecision(user), getPublicStatements(), getTranslations("decisions.notices")]);
  return (
    <html lang={LANGUAGE_TAGS[locale]}>
      <body className="flex min-h-screen flex-col">
        <NextIntlClientProvider messages={clientMessagesFor(locale)}>
          <a href="#main" className="sr-only bg-focus p-2 text-black focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50">
            {t("site.skipToContent")}
          </a>
          <SiteHeader councilName={settings.councilName} user={user} signOut={signOut} awaitingDecision={awaitingDecision} languageSwitch={<LanguageSwitch path={path} />} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            {children}
          </main>
          <footer className="border-t-4 border-brand bg-slate-100">
            <div className="mx-auto flex max-w-6xl flex-wrap gap-6 px-4 py-6 text-sm">
              <Link href="/partners">{t("footer.partners")}</Link>
              <Link href="/open-data">{t("footer.openData")}</Link>
              <Link href="/decisions">{notices("footerLink")}</Link>
              <Link href="/accessibility">{t("footer.accessibility")}</Link>
              <Link href="/privacy">{t("footer.privacy")}</Link>
              <span>{t("footer.copyright", { council: settings.councilName })}</span>
              {statements.contactAddress ? <CouncilContact label={t("footer.contact")} address={statements.contactAddress} /> : null}
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
