import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { AnnualReportBody } from "@/components/annual-report";
import { Link } from "@/components/link";
import { reportYear } from "@/lib/data/annual-report";
import { getPublishedReport } from "@/lib/data/published-reports";
import { formatDate } from "@/lib/domain/format";
import { getPageLocale, languageAlternates } from "@/lib/i18n/server";

type Params = Promise<{ year: string }>;

async function published(asked: string) {
  const year = reportYear(asked);
  return year === null ? null : getPublishedReport(year);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const [found, t, languages] = await Promise.all([published((await params).year), getTranslations("annualReport"), languageAlternates()]);
  if (!found) return { title: t("published.listTitle") };
  return { title: t("title", { year: String(found.report.year) }), alternates: { ...languages } };
}

/**
 * A published annual report (public): the snapshot taken when an admin published it
 * (docs/decisions/024), never today's figures; printed on A4 like the staff copy.
 */
export default async function PublishedReportPage({ params }: { params: Params }) {
  await connection();
  const found = await published((await params).year);
  if (!found) notFound();
  const { report, publishedAt } = found;
  const [locale, t] = await Promise.all([getPageLocale(), getTranslations("annualReport")]);
  const year = String(report.year);
  return (
    <article className="annual-report">
      <p className="no-print mb-2">
        <Link href="/annual-report">{t("published.allReports")}</Link>
      </p>
      <h1>{t("title", { year })}</h1>
      <p className="max-w-3xl">{t("published.intro", { year })}</p>
      <p>{t("published.publishedOn", { date: formatDate(publishedAt, locale) })}</p>
      <div className="no-print">
        <p className="max-w-3xl">{t("print")}</p>
        <p>
          <a href={`/annual-report/${year}/report.docx`} download>
            {t("download")}
          </a>
        </p>
      </div>
      <AnnualReportBody report={report} locale={locale} />
    </article>
  );
}
