import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { WhatsOnView } from "@/components/public/whats-on-view";
import { getSettings } from "@/lib/data/settings";
import { parseWhatsOnQuery, whatsOn } from "@/lib/data/whats-on";
import { pageNumber } from "@/lib/domain/pagination";
import { languageAlternates } from "@/lib/i18n/server";
import { siteOrigin } from "@/lib/web/request-context";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [{ councilName }, t, languages] = await Promise.all([getSettings(), getTranslations("whatsOn"), languageAlternates()]);
  return { title: t("title"), description: t("description", { council: councilName }), alternates: languages };
}

/** What's on: the upcoming public events, the soonest first (a public page, from the public page cache). */
export default async function WhatsOnPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const [result, { councilName }, origin] = await Promise.all([whatsOn("upcoming", parseWhatsOnQuery(params, pageNumber(params.page))), getSettings(), siteOrigin()]);
  return <WhatsOnView when="upcoming" councilName={councilName} origin={origin} events={result.events} partners={result.partners} partner={result.partner} />;
}
