import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AnnualReportBody } from "@/components/annual-report";
import { Link } from "@/components/link";
import { requirePageUser } from "@/lib/auth/session";
import { getAnnualReport, reportYear } from "@/lib/data/annual-report";
import { getPageLocale } from "@/lib/i18n/server";

type Params = Promise<{ year: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const year = reportYear((await params).year);
  return { title: (await getTranslations("annualReport"))("title", { year: String(year ?? "") }) };
}

/** The annual report for the scrutiny committee: signed in; printed on A4 from the browser (app/globals.css). */
export default async function AnnualReportPage({ params }: { params: Params }) {
  const { year: asked } = await params;
  const returnTo = `/reports/${encodeURIComponent(asked)}`;
  await requirePageUser(returnTo, "agreement:read");
  const year = reportYear(asked);
  if (year === null) notFound();
  const [report, locale, t] = await Promise.all([getAnnualReport(year), getPageLocale(), getTranslations("annualReport")]);
  const thisYear = new Date().getUTCFullYear();
  const choices = Array.from({ length: 6 }, (_, index) => thisYear - index).filter((choice) => choice !== year);
  return (
    <article className="annual-report">
      <h1>{t("title", { year: String(year) })}</h1>
      <p className="max-w-3xl">{t("intro", { year: String(year) })}</p>
      <div className="no-print">
        <p className="max-w-3xl">{t("print")}</p>
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
