import { getTranslations } from "next-intl/server";
import { ActivityChart } from "@/components/activity-chart";
import type { AnnualReport as Report } from "@/lib/domain/annual-report";
import { formatDate, formatMoney, formatNumber } from "@/lib/domain/format";
import { labelsIn } from "@/lib/domain/labels";
import { formatInZone } from "@/lib/events/zoned-time";
import { LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";

const OUTCOMES = ["approved", "amended", "paused", "reinstated", "ended"] as const;

/** Section headings that start a new printed page (app/globals.css, @media print). */
const SECTION = "annual-report-section";

/**
 * The annual report's body, the same for staff (/reports/<year>) and the public copy: sections of
 * tables, each a page of its own when printed, and the five-year chart (an SVG with its text alternative).
 */
export async function AnnualReportBody({ report, locale }: { report: Report; locale: Locale }) {
  const t = await getTranslations("annualReport");
  const labels = labelsIn(locale);
  const year = String(report.year);
  const linkList = (links: Report["activeLinks"], none: string) =>
    links.length === 0 ? (
      <p>{none}</p>
    ) : (
      <ul>
        {links.map((link) => (
          <li key={`${link.partner}-${link.title}`}>
            {link.partner}: {link.title}
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <section className={SECTION} aria-labelledby="report-active">
        <h2 id="report-active">{t("activeLinks", { year })}</h2>
        {linkList(report.activeLinks, t("activeLinksNone", { year }))}
        <h3>{t("chartHeading")}</h3>
        <ActivityChart years={report.activityByYear} id="report-chart" />
      </section>

      <section className={SECTION} aria-labelledby="report-decisions">
        <h2 id="report-decisions">{t("decisionsHeading", { year })}</h2>
        <p>{t("decisionsIntro")}</p>
        {OUTCOMES.map((outcome) => (
          <div key={outcome}>
            <h3>{t(`outcome.${outcome}`)}</h3>
            {report.decisions[outcome].length === 0 ? (
              <p>{t("noDecisions")}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("date")}</th>
                    <th scope="col">{t("partner")}</th>
                    <th scope="col">{t("reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.decisions[outcome].map((decision) => (
                    <tr key={decision.id}>
                      <td>{formatDate(decision.on, locale)}</td>
                      <th scope="row">{decision.partner}</th>
                      <td>{decision.publicReason || t("noReason")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
      </section>

      <section className={SECTION} aria-labelledby="report-exchanges">
        <h2 id="report-exchanges">{t("exchangesHeading", { year })}</h2>
        {report.exchanges.length === 0 ? (
          <p>{t("exchangesNone", { year })}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("partner")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("exchanges")}</th>
                <th scope="col">{t("participants")}</th>
              </tr>
            </thead>
            <tbody>
              {report.exchanges.map((group) => (
                <tr key={`${group.partner}-${group.kind}`}>
                  <th scope="row">{group.partner}</th>
                  <td>{labels.exchangeKind[group.kind]}</td>
                  <td>{formatNumber(group.exchanges, locale)}</td>
                  <td>{formatNumber(group.participants, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t("costsHeading")}</h3>
        {report.costs.length === 0 ? (
          <p>{t("costsNone")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("fundingSource")}</th>
                <th scope="col">{t("total")}</th>
              </tr>
            </thead>
            <tbody>
              {report.costs.map((cost) => (
                <tr key={`${cost.fundingSource}-${cost.currency}`}>
                  <th scope="row">{cost.fundingSource ? labels.fundingSource[cost.fundingSource] : t("unknownSource")}</th>
                  <td>{formatMoney(cost.total, cost.currency, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className={SECTION} aria-labelledby="report-events">
        <h2 id="report-events">{t("eventsHeading", { year })}</h2>
        {report.events.length === 0 ? (
          <p>{t("eventsNone", { year })}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("eventTitle")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("partner")}</th>
              </tr>
            </thead>
            <tbody>
              {report.events.map((event) => (
                <tr key={`${event.startsAt.toISOString()}-${event.title}`}>
                  <td>{formatInZone(event.startsAt, event.timeZone, LANGUAGE_TAGS[locale])}</td>
                  <th scope="row">
                    {event.title}
                    {event.cancelled ? ` (${t("cancelled")})` : ""}
                  </th>
                  <td>{labels.eventKind[event.kind]}</td>
                  <td>{event.partner ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className={SECTION} aria-labelledby="report-dormant">
        <h2 id="report-dormant">{t("dormantHeading")}</h2>
        <p>{t("dormantIntro", { year })}</p>
        {linkList(report.dormantLinks, t("dormantNone"))}
        <h2 id="report-confirmations">{t("confirmationsHeading", { year })}</h2>
        {report.confirmations.length === 0 ? (
          <p>{t("confirmationsNone", { year })}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("partner")}</th>
                <th scope="col">{t("partnerDate")}</th>
                <th scope="col">{t("reference")}</th>
                <th scope="col">{t("recordedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {report.confirmations.map((confirmation) => (
                <tr key={`${confirmation.partner}-${confirmation.recordedOn.toISOString()}`}>
                  <th scope="row">{confirmation.partner}</th>
                  <td>{formatDate(confirmation.partnerDecisionDate, locale)}</td>
                  <td>{confirmation.reference ?? ""}</td>
                  <td>{formatDate(confirmation.recordedOn, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
