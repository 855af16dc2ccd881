import Link from "next/link";
import { ActivityChart } from "@/components/activity-chart";
import { DataTable } from "@/components/data-table";
import { DIRECTION_LABELS, EVENT_KIND_LABELS, EXCHANGE_KIND_LABELS, FUNDING_SOURCE_LABELS, VISIBILITY_LABELS } from "@/lib/domain/labels";
import { formatInZone } from "@/lib/events/zoned-time";
import { canLogExchangeUnder } from "@/lib/exchanges/guards";
import type { ActivityItem, AgreementActivity as Activity } from "@/lib/exchanges/activity-summary";
import { formatDate, formatMoney } from "@/lib/domain/format";
import { can, type Actor } from "@/lib/domain/permissions";

function dateRange(start: Date, end: Date | null): string {
  return end && end.getTime() !== start.getTime() ? `${formatDate(start)} to ${formatDate(end)}` : formatDate(start);
}

function ItemRow({ item, canEdit, actionsColumn }: { item: ActivityItem; canEdit: boolean; actionsColumn: boolean }) {
  if (item.type === "exchange") {
    return (
      <tr>
        <td>{dateRange(item.date, item.endDate)}</td>
        <td>Exchange</td>
        <td>
          <span className="font-semibold">{EXCHANGE_KIND_LABELS[item.kind]}</span> ({DIRECTION_LABELS[item.direction].toLowerCase()})
          {item.participantsDescription ? <span className="block">{item.participantsDescription}</span> : null}
          {item.outcomes ? <span className="block text-slate-700">{item.outcomes}</span> : null}
        </td>
        <td>{item.participantCount ?? ""}</td>
        <td>
          {formatMoney(item.cost, item.currency)}
          {item.fundingSource ? <span className="block text-sm">{FUNDING_SOURCE_LABELS[item.fundingSource]}</span> : null}
        </td>
        <td>{VISIBILITY_LABELS[item.visibility]}</td>
        {actionsColumn ? (
          <td>
            {canEdit ? (
              <Link href={`/exchanges/${item.id}/edit`}>
                Edit<span className="sr-only"> exchange of {formatDate(item.date)}</span>
              </Link>
            ) : null}
          </td>
        ) : null}
      </tr>
    );
  }
  return (
    <tr>
      <td>{formatInZone(item.date, item.timeZone)}</td>
      <td>Event</td>
      <td>
        <span className="font-semibold">{item.title}</span> ({EVENT_KIND_LABELS[item.kind].toLowerCase()})
        {item.place ? <span className="block">{item.place}</span> : null}
      </td>
      <td />
      <td />
      <td>{VISIBILITY_LABELS[item.visibility]}</td>
      {actionsColumn ? (
        <td>
          {canEdit ? (
            <Link href={`/events/${item.id}/edit`}>
              Edit<span className="sr-only"> event {item.title}</span>
            </Link>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

/**
 * The agreement page's record of what happened under the link: totals, a chart per year, and
 * every exchange and event in date order. Staff only: internal items are shown too.
 */
export function AgreementActivity({ activity, user }: { activity: Activity; user: Pick<Actor, "role"> }) {
  const canLogExchange = can(user, "exchange:write") && canLogExchangeUnder(activity.status);
  const canAddEvent = can(user, "event:write") && activity.status !== "WITHDRAWN";
  const canEditExchanges = can(user, "exchange:write");
  const canEditEvents = can(user, "event:write");
  const actionsColumn = canEditExchanges || canEditEvents;
  const { totals } = activity;
  const spend = totals.spend.map((total) => formatMoney(total.amount, total.currency)).join(" and ");

  return (
    <section aria-labelledby="activity-heading" data-testid="agreement-activity">
      <h2 id="activity-heading">Exchanges and events</h2>
      {activity.dormant ? (
        // Worded without "Dormant": the page shows that tag once, under its heading.
        <p className="max-w-2xl border-l-8 border-amber-500 bg-amber-50 p-3" data-testid="dormancy-note">
          No exchange or event in the last {activity.dormancyMonths} months
          {activity.lastActivity ? `: the last was on ${formatDate(activity.lastActivity)}` : ""}.
        </p>
      ) : null}
      {canLogExchange || canAddEvent ? (
        <p className="flex flex-wrap gap-3">
          {canLogExchange ? (
            <Link href={`/exchanges/new?agreement=${activity.agreementId}`} className="button-secondary">
              Log an exchange
            </Link>
          ) : null}
          {canAddEvent ? (
            <Link href={`/events/new?agreement=${activity.agreementId}`} className="button-secondary">
              Add an event
            </Link>
          ) : null}
        </p>
      ) : null}
      {activity.items.length === 0 ? (
        <p>No exchanges or events have been recorded under this agreement yet.</p>
      ) : (
        <>
          <dl className="my-4 grid max-w-3xl grid-cols-2 gap-3 sm:grid-cols-4" data-testid="activity-totals">
            <div className="rounded border-2 border-slate-300 p-3">
              <dt className="text-sm">Exchanges</dt>
              <dd className="text-2xl font-bold">{totals.exchanges}</dd>
            </div>
            <div className="rounded border-2 border-slate-300 p-3">
              <dt className="text-sm">Events</dt>
              <dd className="text-2xl font-bold">{totals.events}</dd>
            </div>
            <div className="rounded border-2 border-slate-300 p-3">
              <dt className="text-sm">Participants</dt>
              <dd className="text-2xl font-bold">{totals.participants.toLocaleString("en-GB")}</dd>
            </div>
            <div className="rounded border-2 border-slate-300 p-3">
              <dt className="text-sm">Spend</dt>
              <dd className="text-lg font-bold">{spend || "None recorded"}</dd>
            </div>
          </dl>
          {activity.lastActivity ? <p>Last activity: {formatDate(activity.lastActivity)}.</p> : null}
          <ActivityChart years={activity.years} id={`activity-chart-${activity.agreementId}`} />
          <h3>In date order</h3>
          <DataTable caption="Exchanges and events under this agreement, oldest first" columns={["Date", "Type", "What", "Participants", "Cost", "Visibility"]} actionsColumn={actionsColumn}>
            {activity.items.map((item) => (
              <ItemRow key={`${item.type}-${item.id}`} item={item} actionsColumn={actionsColumn} canEdit={item.type === "exchange" ? canEditExchanges : canEditEvents} />
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
