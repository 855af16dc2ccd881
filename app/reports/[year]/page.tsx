import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AnnualReportBody } from "@/components/annual-report";
import { Link } from "@/components/link";
import { PublishReportForm, WithdrawReportForm } from "@/components/report-publication";
import { ConfirmationBanner } from "@/components/success-banner";
import { requirePageUser } from "@/lib/auth/session";
import { getAnnualReport, reportYear } from "@/lib/data/annual-report";
import { getPublication } from "@/lib/data/published-reports";
import { formatDate } from "@/lib/domain/format";
import { can } from "@/lib/domain/permissions";
import { getPageLocale } from "@/lib/i18n/server";
import { publishReportAction, withdrawReportAction } from "./actions";

type Params = Promise<{ year: string }>;
type SearchParams = Promise<{ done?: string | string[] }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const year = reportYear((await params).year);
  return { title: (await getTranslations("annualReport"))("title", { year: String(year ?? "") }) };
}

/** The annual report for the scrutiny committee: signed in; printed on A4 from the browser (app/globals.css). */
export default async function AnnualReportPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { year: asked } = await params;
  const returnTo = `/reports/${encodeURIComponent(asked)}`;
  const user = await requirePageUser(returnTo, "agreement:read");
  const year = reportYear(asked);
  if (year === null) notFound();
  const [report, publication, locale, t, { done }] = await Promise.all([getAnnualReport(year), getPublication(year), getPageLocale(), getTranslations("annualReport"), searchParams]);
  const thisYear = new Date().getUTCFullYear();
  const publicPath = `/annual-report/${year}`;
  const choices = Array.from({ length: 6 }, (_, index) => thisYear - index).filter((choice) => choice !== year);
  return (
    <article className="annual-report">
      <h1>{t("title", { year: String(year) })}</h1>
      <p className="max-w-3xl">{t("intro", { year: String(year) })}</p>
      <div className="no-print">
        <ConfirmationBanner scope="report" done={done} />
        <p className="max-w-3xl">{t("print")}</p>
        <p>
          <a href={`/reports/${year}/report.docx`} download>
            {t("download")}
          </a>
        </p>
        <section aria-labelledby="report-publication" className="my-6 max-w-3xl">
          <h2 id="report-publication">{t("publication.heading")}</h2>
          {publication ? (
            <>
              <p>{t("publication.published", { date: formatDate(publication.publishedAt, locale), name: publication.publisher })}</p>
              <p>
                <Link href={publicPath}>{t("publication.publicCopy", { year: String(year) })}</Link>
              </p>
              {can(user, "report:publish") ? <WithdrawReportForm action={withdrawReportAction} year={year} label={t("publication.withdraw")} /> : null}
            </>
          ) : (
            <>
              <p>{t("publication.notPublished")}</p>
              {can(user, "report:publish") && year <= thisYear ? <PublishReportForm action={publishReportAction} year={year} label={t("publication.publish")} /> : null}
            </>
          )}
        </section>
        <nav aria-label={t("chooseYear")}>
          <h2 className="text-base">{t("chooseYear")}</h2>
          <ul className="flex flex-wrap gap-x-4">
            {choices.map((choice) => (
              <li key={choice}>
                <Link href={`/reports/${choice}`}>{choice}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <AnnualReportBody report={report} locale={locale} />
    </article>
  );
}
