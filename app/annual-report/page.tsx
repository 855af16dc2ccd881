import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Link } from "@/components/link";
import { listPublishedReports } from "@/lib/data/published-reports";
import { formatDate } from "@/lib/domain/format";
import { getPageLocale, languageAlternates } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [t, languages] = await Promise.all([getTranslations("annualReport.published"), languageAlternates()]);
  return { title: t("listTitle"), description: t("listIntro"), alternates: { ...languages } };
}

/** The annual reports the council has published, newest first (public). */
export default async function PublishedReportsPage() {
  await connection();
  const [reports, locale, t, report] = await Promise.all([listPublishedReports(), getPageLocale(), getTranslations("annualReport.published"), getTranslations("annualReport")]);
  return (
    <>
      <h1>{t("listTitle")}</h1>
      <p className="max-w-3xl">{t("listIntro")}</p>
      {reports.length === 0 ? (
        <p>{t("listNone")}</p>
      ) : (
        <ul>
          {reports.map(({ year, publishedAt }) => (
            <li key={year}>
              <Link href={`/annual-report/${year}`}>{report("title", { year: String(year) })}</Link> ({t("publishedOn", { date: formatDate(publishedAt, locale) })})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
