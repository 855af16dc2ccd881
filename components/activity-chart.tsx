import { useTranslations } from "next-intl";
import type { ActivityYear } from "@/lib/exchanges/activity-summary";
import { formatNumber } from "@/lib/domain/format";
import { usePageLocale } from "@/lib/i18n/navigation";

const MAX_YEARS = 20;
const BAR = 22;
const GAP = 10;
const LEFT = 32;
const TOP = 12;
const PLOT_HEIGHT = 120;
const BOTTOM = 24;
// Both colours have at least 3:1 contrast with white (WCAG 1.4.11); the legend and the table say the same in words.
const EXCHANGE_COLOUR = "#1d4f91";
const EVENT_COLOUR = "#b45309";

/**
 * Exchanges and events per year as a small server-rendered SVG bar chart (stacked), with the same
 * numbers in a table beside it: the chart is an image with a text summary, the table is the data.
 */
export function ActivityChart({ years, id = "activity-chart" }: { years: readonly ActivityYear[]; id?: string }) {
  const t = useTranslations("agreements.chart");
  const locale = usePageLocale();
  const shown = years.slice(-MAX_YEARS);
  const earlier = years.slice(0, years.length - shown.length);
  if (shown.length === 0) return null;
  const max = Math.max(1, ...shown.map((row) => row.exchanges + row.events));
  const width = LEFT + shown.length * (BAR + GAP) + GAP;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const scale = (count: number) => (count / max) * PLOT_HEIGHT;
  const labelEvery = shown.length > 12 ? 5 : 1;
  // Years are names, not quantities: given as text, so they are never written "2,024".
  const first = String(shown[0]!.year);
  const last = String(shown.at(-1)!.year);
  const summary = t("summary", {
    first,
    last,
    years: shown
      .filter((row) => row.exchanges + row.events > 0)
      .map((row) => t("year", { year: String(row.year), exchanges: row.exchanges, events: row.events }))
      .join("; "),
  });

  return (
    <figure className="my-4 max-w-3xl">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="h-auto max-w-full">
        <title id={`${id}-title`}>{t("title")}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={LEFT} y1={TOP + PLOT_HEIGHT} x2={width} y2={TOP + PLOT_HEIGHT} stroke="#0b0c0c" />
        <line x1={LEFT} y1={TOP} x2={width} y2={TOP} stroke="#cbd5e1" strokeDasharray="4 3" />
        <text x={LEFT - 6} y={TOP + 4} textAnchor="end" fontSize="12" fill="#0b0c0c">
          {formatNumber(max, locale)}
        </text>
        <text x={LEFT - 6} y={TOP + PLOT_HEIGHT + 4} textAnchor="end" fontSize="12" fill="#0b0c0c">
          0
        </text>
        {shown.map((row, index) => {
          const x = LEFT + GAP + index * (BAR + GAP);
          const exchangeHeight = scale(row.exchanges);
          const eventHeight = scale(row.events);
          const nearEnd = index < 2 || index > shown.length - 3;
          const showLabel = index === 0 || index === shown.length - 1 || (row.year % labelEvery === 0 && (labelEvery === 1 || !nearEnd));
          return (
            <g key={row.year}>
              {row.exchanges > 0 ? <rect x={x} y={TOP + PLOT_HEIGHT - exchangeHeight} width={BAR} height={exchangeHeight} fill={EXCHANGE_COLOUR} /> : null}
              {row.events > 0 ? <rect x={x} y={TOP + PLOT_HEIGHT - exchangeHeight - eventHeight} width={BAR} height={eventHeight} fill={EVENT_COLOUR} /> : null}
              {showLabel ? (
                <text x={x + BAR / 2} y={TOP + PLOT_HEIGHT + 16} textAnchor="middle" fontSize="11" fill="#0b0c0c">
                  {labelEvery === 1 ? `’${String(row.year).slice(2)}` : row.year}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-sm">
        <span className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-3" style={{ background: EXCHANGE_COLOUR }} />
          {t("exchanges")}
        </span>
        <span className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-3" style={{ background: EVENT_COLOUR }} />
          {t("events")}
        </span>
      </figcaption>
      <table className="table mt-4 max-w-xl text-sm">
        <caption className="mb-1 text-left font-semibold">
          {earlier.length > 0 ? t("captionEarlier", { first, last, exchanges: sum(earlier, "exchanges"), events: sum(earlier, "events") }) : t("caption", { first, last })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("yearHeading")}</th>
            <th scope="col">{t("exchanges")}</th>
            <th scope="col">{t("events")}</th>
            <th scope="col">{t("participants")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.year}>
              <th scope="row" className="border-b border-slate-300">
                {row.year}
              </th>
              <td>{formatNumber(row.exchanges, locale)}</td>
              <td>{formatNumber(row.events, locale)}</td>
              <td>{formatNumber(row.participants, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function sum(rows: readonly ActivityYear[], key: "exchanges" | "events"): number {
  return rows.reduce((total, row) => total + row[key], 0);
}
