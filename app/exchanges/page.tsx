import type { Metadata } from "next";
import Link from "next/link";
import { activityFilterValues } from "@/components/activity-filters";
import { ActivityLog } from "@/components/activity-log";
import { requirePageUser } from "@/lib/auth/session";
import { listAgreementFilterChoices, listExchanges, parseExchangeFilters } from "@/lib/data/exchanges";
import { pageNumber } from "@/lib/domain/pagination";
import { DIRECTION_LABELS, EXCHANGE_KIND_LABELS, optionsOf, VISIBILITY_LABELS } from "@/lib/domain/labels";
import { agreementOptions } from "@/lib/exchanges/agreement-choices";
import { formatDate, formatMoney } from "@/lib/domain/format";
import { can } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "Exchanges" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ExchangesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/exchanges", "exchange:read");
  const params = await searchParams;
  const filters = {
    ...parseExchangeFilters(params),
    page: pageNumber(params.page),
  };
  const [result, agreements] = await Promise.all([listExchanges(filters), listAgreementFilterChoices()]);

  return (
    <ActivityLog
      noun="exchanges"
      title="Exchanges"
      add={can(user, "exchange:write") ? { href: "/exchanges/new", label: "Log an exchange" } : null}
      confirmation={{ scope: "exchange", done: params.done }}
      intro="Visits, school and youth exchanges, cultural and sporting links, trade missions and other activity under each agreement."
      filters={{
        values: activityFilterValues(filters),
        agreements: agreementOptions(agreements),
        kinds: optionsOf(EXCHANGE_KIND_LABELS),
        searchLabel: "Partner or participants",
      }}
      result={result}
      table={{
        caption: "Exchanges, most recent first",
        columns: ["Date", "Agreement", "Kind", "Direction", "Participants", "Cost", "Visibility"],
        actionsColumn: can(user, "exchange:write"),
      }}
    >
      {result.items.map((exchange) => (
        <tr key={exchange.id}>
          <td>
            {formatDate(exchange.startDate)}
            {exchange.endDate && exchange.endDate.getTime() !== exchange.startDate.getTime() ? ` to ${formatDate(exchange.endDate)}` : ""}
          </td>
          <td>
            <Link href={`/agreements/${exchange.agreement.id}`}>{exchange.agreement.partner.name}</Link>
          </td>
          <td>{EXCHANGE_KIND_LABELS[exchange.kind]}</td>
          <td>{DIRECTION_LABELS[exchange.direction]}</td>
          <td>
            {exchange.participantCount ?? ""}
            {exchange.participantsDescription ? <span className="block text-sm">{exchange.participantsDescription}</span> : null}
          </td>
          <td>{formatMoney(exchange.cost, exchange.currency)}</td>
          <td>{VISIBILITY_LABELS[exchange.visibility]}</td>
          {can(user, "exchange:write") ? (
            <td>
              <Link href={`/exchanges/${exchange.id}/edit`}>
                Edit
                <span className="sr-only">
                  {" "}
                  exchange with {exchange.agreement.partner.name} on {formatDate(exchange.startDate)}
                </span>
              </Link>
            </td>
          ) : null}
        </tr>
      ))}
    </ActivityLog>
  );
}
