import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { activityFilterValues } from "@/components/activity-filters";
import { ActivityLog } from "@/components/activity-log";
import { requirePageUser } from "@/lib/auth/session";
import { listAgreementFilterChoices, listExchanges, parseExchangeFilters } from "@/lib/data/exchanges";
import { pageNumber } from "@/lib/domain/pagination";
import { labelsIn, optionsOf } from "@/lib/domain/labels";
import { getPageLocale } from "@/lib/i18n/server";
import { agreementOptions } from "@/lib/exchanges/agreement-choices";
import { formatDate, formatMoney } from "@/lib/domain/format";
import { can } from "@/lib/domain/permissions";
import { activityExportHref } from "@/lib/export/activity-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity.exchanges"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ExchangesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/exchanges", "exchange:read");
  const params = await searchParams;
  const filters = {
    ...parseExchangeFilters(params),
    page: pageNumber(params.page),
  };
  const [result, agreements, t, locale] = await Promise.all([listExchanges(filters), listAgreementFilterChoices(), getTranslations("activity.exchanges"), getPageLocale()]);
  const labels = labelsIn(locale);

  return (
    <ActivityLog
      noun="exchanges"
      title={t("title")}
      add={can(user, "exchange:write") ? { href: "/exchanges/new", label: t("add") } : null}
      confirmation={{ scope: "exchange", done: params.done }}
      intro={t("intro")}
      filters={{
        values: activityFilterValues(filters),
        agreements: agreementOptions(agreements, locale),
        kinds: optionsOf(labels.exchangeKind),
        searchLabel: t("searchLabel"),
      }}
      downloads={{ csv: activityExportHref("exchanges", filters, "csv"), xlsx: activityExportHref("exchanges", filters, "xlsx") }}
      result={result}
      table={{
        caption: t("caption"),
        columns: [t("columns.date"), t("columns.agreement"), t("columns.kind"), t("columns.direction"), t("columns.participants"), t("columns.cost"), t("columns.visibility")],
        actionsColumn: can(user, "exchange:write"),
      }}
    >
      {result.items.map((exchange) => (
        <tr key={exchange.id}>
          <td>
            {exchange.endDate && exchange.endDate.getTime() !== exchange.startDate.getTime()
              ? t("dateRange", { start: formatDate(exchange.startDate, locale), end: formatDate(exchange.endDate, locale) })
              : formatDate(exchange.startDate, locale)}
          </td>
          <td>
            <Link href={`/agreements/${exchange.agreement.id}`}>{exchange.agreement.partner.name}</Link>
          </td>
          <td>{labels.exchangeKind[exchange.kind]}</td>
          <td>{labels.direction[exchange.direction]}</td>
          <td>
            {exchange.participantCount ?? ""}
            {exchange.participantsDescription ? <span className="block text-sm">{exchange.participantsDescription}</span> : null}
          </td>
          <td>{formatMoney(exchange.cost, exchange.currency, locale)}</td>
          <td>{labels.visibility[exchange.visibility]}</td>
          {can(user, "exchange:write") ? (
            <td>
              <Link href={`/exchanges/${exchange.id}/edit`}>
                {t("edit")}
                <span className="sr-only"> {t("editHidden", { partner: exchange.agreement.partner.name, date: formatDate(exchange.startDate, locale) })}</span>
              </Link>
            </td>
          ) : null}
        </tr>
      ))}
    </ActivityLog>
  );
}
