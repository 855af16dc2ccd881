import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { listDecisionNotices } from "@/lib/data/decision-notices";
import { dateOf } from "@/lib/domain/public-format";
import { formatDate } from "@/lib/domain/format";
import { pageNumber } from "@/lib/domain/pagination";
import { getPageLocale, languageAlternates } from "@/lib/i18n/server";
import { DECISIONS_FEED_PATH, decisionNoticePath } from "@/lib/open-data/atom";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [t, languages] = await Promise.all([getTranslations("decisions.notices"), languageAlternates()]);
  return { title: t("title"), description: t("intro"), alternates: { ...languages } };
}

/** Decision notices, newest first: the council's public record of decision on its links. */
export default async function DecisionsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const [notices, locale, t, d] = await Promise.all([listDecisionNotices(pageNumber(params.page)), getPageLocale(), getTranslations("decisions.notices"), getTranslations("decisions")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="max-w-3xl">{t("intro")}</p>
      <p>
        <a href={DECISIONS_FEED_PATH}>{t("feed")}</a>
      </p>
      {notices.total === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol className="divide-y divide-slate-300 border-y border-slate-300" aria-label={t("listLabel")}>
          {notices.items.map((notice) => (
            <li key={notice.id} className="py-3">
              <h2 className="mt-0 mb-1 text-xl">
                <Link href={decisionNoticePath(notice.id)}>
                  {notice.partner.name}: {t(`outcome.${notice.outcome}`)}
                </Link>
              </h2>
              <p className="m-0 text-slate-700">
                {t("dateOfDecision")}: <time dateTime={notice.decidedOn}>{formatDate(dateOf(notice.decidedOn), locale)}</time> · {t("route")}: {d(`route.${notice.route}`)}
              </p>
            </li>
          ))}
        </ol>
      )}
      {notices.pageCount > 1 ? <Pagination page={notices.page} pageCount={notices.pageCount} total={notices.total} params={{}} basePath="/decisions" noun={t("noun")} /> : null}
    </>
  );
}
