// The annual report as a Word document (/reports/<year>/report.docx, /annual-report/<year>/report.docx):
// a heading per section and plain tables with a header row, which a clerk pastes into the
// committee's own template; the five-year chart is its table of figures. The same sections and
// words as components/annual-report.tsx (messages/annualReport), in the page's language.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { createTranslator } from "use-intl/core";
import type { AnnualReport } from "@/lib/domain/annual-report";
import { COUNCIL_TIME_ZONE, formatDate, formatMoney, formatNumber } from "@/lib/domain/format";
import { labelsIn } from "@/lib/domain/labels";
import { formatInZone } from "@/lib/events/zoned-time";
import { LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";
import { NAMESPACES } from "@/lib/i18n/messages";

const OUTCOMES = ["approved", "amended", "paused", "reinstated", "ended"] as const;

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function translators(locale: Locale) {
  const messages = { annualReport: NAMESPACES.annualReport[locale] ?? NAMESPACES.annualReport.en, agreements: NAMESPACES.agreements[locale as "en"] ?? NAMESPACES.agreements.en };
  const options = { locale: LANGUAGE_TAGS[locale], messages, timeZone: COUNCIL_TIME_ZONE };
  return { t: createTranslator({ ...options, namespace: "annualReport" }), chart: createTranslator({ ...options, namespace: "agreements.chart" }) };
}

const heading = (text: string, level: "HEADING_1" | "HEADING_2" | "HEADING_3", pageBreakBefore = false) => new Paragraph({ text, heading: HeadingLevel[level], pageBreakBefore });
const paragraph = (text: string) => new Paragraph({ text });

/** A table with a repeated header row; every cell plain text, so it pastes into any template. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }), ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) }))],
  });
}

/** The report as .docx bytes, under the council's name and, for a published report, when it was published. */
export async function annualReportDocx(report: AnnualReport, locale: Locale, front: { councilName: string; publishedAt?: Date }): Promise<Buffer> {
  const { t, chart } = translators(locale);
  const labels = labelsIn(locale);
  const year = String(report.year);
  const title = t("title", { year });
  const linkList = (links: AnnualReport["activeLinks"], none: string) => (links.length === 0 ? [paragraph(none)] : [table([t("partner"), t("link")], links.map((link) => [link.partner, link.title]))]);

  const children = [
    heading(title, "HEADING_1"),
    paragraph(front.councilName),
    ...(front.publishedAt ? [paragraph(t("published.publishedOn", { date: formatDate(front.publishedAt, locale) }))] : []),
    paragraph(t("intro", { year })),

    heading(t("activeLinks", { year }), "HEADING_2", true),
    ...linkList(report.activeLinks, t("activeLinksNone", { year })),
    heading(t("chartHeading"), "HEADING_3"),
    table(
      [chart("yearHeading"), chart("exchanges"), chart("participants"), chart("events")],
      report.activityByYear.map((row) => [String(row.year), formatNumber(row.exchanges, locale), formatNumber(row.participants, locale), formatNumber(row.events, locale)]),
    ),

    heading(t("decisionsHeading", { year }), "HEADING_2", true),
    paragraph(t("decisionsIntro")),
    ...OUTCOMES.flatMap((outcome) => [
      heading(t(`outcome.${outcome}`), "HEADING_3"),
      report.decisions[outcome].length === 0
        ? paragraph(t("noDecisions"))
        : table(
            [t("date"), t("partner"), t("reason")],
            report.decisions[outcome].map((decision) => [formatDate(decision.on, locale), decision.partner, decision.publicReason || t("noReason")]),
          ),
    ]),

    heading(t("exchangesHeading", { year }), "HEADING_2", true),
    report.exchanges.length === 0
      ? paragraph(t("exchangesNone", { year }))
      : table(
          [t("partner"), t("kind"), t("exchanges"), t("participants")],
          report.exchanges.map((group) => [group.partner, labels.exchangeKind[group.kind], formatNumber(group.exchanges, locale), formatNumber(group.participants, locale)]),
        ),
    heading(t("costsHeading"), "HEADING_3"),
    report.costs.length === 0
      ? paragraph(t("costsNone"))
      : table(
          [t("fundingSource"), t("total")],
          report.costs.map((cost) => [cost.fundingSource ? labels.fundingSource[cost.fundingSource] : t("unknownSource"), formatMoney(cost.total, cost.currency, locale)]),
        ),

    heading(t("eventsHeading", { year }), "HEADING_2", true),
    report.events.length === 0
      ? paragraph(t("eventsNone", { year }))
      : table(
          [t("date"), t("eventTitle"), t("kind"), t("partner")],
          report.events.map((event) => [
            formatInZone(event.startsAt, event.timeZone, LANGUAGE_TAGS[locale]),
            event.cancelled ? `${event.title} (${t("cancelled")})` : event.title,
            labels.eventKind[event.kind],
            event.partner ?? "",
          ]),
        ),

    heading(t("dormantHeading"), "HEADING_2", true),
    paragraph(t("dormantIntro", { year })),
    ...linkList(report.dormantLinks, t("dormantNone")),
    heading(t("confirmationsHeading", { year }), "HEADING_2"),
    report.confirmations.length === 0
      ? paragraph(t("confirmationsNone", { year }))
      : table(
          [t("partner"), t("partnerDate"), t("reference"), t("recordedOn")],
          report.confirmations.map((row) => [row.partner, formatDate(row.partnerDecisionDate, locale), row.reference ?? "", formatDate(row.recordedOn, locale)]),
        ),
  ];

  const document = new Document({
    title,
    creator: front.councilName,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }],
  });
  return Packer.toBuffer(document);
}

/** The download's file name: annual-report-2025.docx. */
export function docxFileName(year: number): string {
  return `annual-report-${year}.docx`;
}
