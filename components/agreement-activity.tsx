import { useTranslations } from "next-intl";
import { ActivityChart } from "@/components/activity-chart";
import { DataTable } from "@/components/data-table";
import { Link } from "@/components/link";
import { Tag } from "@/components/status-tag";
import { labelsIn } from "@/lib/domain/labels";
import { formatInZone } from "@/lib/events/zoned-time";
import { canLogExchangeUnder } from "@/lib/exchanges/guards";
import type { ActivityItem, AgreementActivity as Activity } from "@/lib/exchanges/activity-summary";
import { formatDate, formatMoney, formatNumber } from "@/lib/domain/format";
import { can, type Actor } from "@/lib/domain/permissions";
import { LANGUAGE_TAGS } from "@/lib/i18n/locales";
import { usePageLocale } from "@/lib/i18n/navigation";

function ItemRow({ item, canEdit, actionsColumn }: { item: ActivityItem; canEdit: boolean; actionsColumn: boolean }) {
  const t = useTranslations("agreements.activity");
  const locale = usePageLocale();
  const labels = labelsIn(locale);
  if (item.type === "exchange") {
    const end = item.endDate && item.endDate.getTime() !== item.date.getTime() ? item.endDate : null;
    return (
      <tr>
        <td>{end ? t("dateRange", { start: formatDate(item.date, locale), end: formatDate(end, locale) }) : formatDate(item.date, locale)}</td>
        <td>{t("exchange")}</td>
        <td>
          <span className="font-semibold">{labels.exchangeKind[item.kind]}</span> ({labels.direction[item.direction].toLowerCase()})
          {item.participantsDescription ? <span className="block">{item.participantsDescription}</span> : null}
          {item.outcomes ? <span className="block text-slate-700">{item.outcomes}</span> : null}
        </td>
        <td>{item.participantCount ?? ""}</td>
        <td>
          {formatMoney(item.cost, item.currency, locale)}
          {item.fundingSource ? <span className="block text-sm">{labels.fundingSource[item.fundingSource]}</span> : null}
        </td>
        <td>{labels.visibility[item.visibility]}</td>
        {actionsColumn ? (
          <td>
            {canEdit ? (
              <Link href={`/exchanges/${item.id}/edit`}>
                {t("edit")}
                <span className="sr-only"> {t("editExchange", { date: formatDate(item.date, locale) })}</span>
              </Link>
            ) : null}
          </td>
        ) : null}
      </tr>
    );
  }
  return (
    <tr>
      <td>{formatInZone(item.date, item.timeZone, LANGUAGE_TAGS[locale])}</td>
      <td>{t("event")}</td>
      <td>
        <span className="font-semibold">{item.title}</span> ({labels.eventKind[item.kind].toLowerCase()})
        {item.cancelledAt ? (
          <>
            {" "}
            <Tag tone="warning">{t("cancelled")}</Tag>
          </>
        ) : null}
        {item.place ? <span className="block">{item.place}</span> : null}
      </td>
      <td />
      <td />
      <td>{labels.visibility[item.visibility]}</td>
      {actionsColumn ? (
        <td>
          {canEdit ? (
            <Link href={`/events/${item.id}/edit`}>
              {t("edit")}
              <span className="sr-only"> {t("editEvent", { title: item.title })}</span>
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
  const t = useTranslations("agreements.activity");
  const locale = usePageLocale();
  const { totals } = activity;
  const spend = totals.spend.map((total) => formatMoney(total.amount, total.currency, locale)).join(` ${t("and")} `);

  return (
    <section aria-labelledby="activity-heading" data-testid="agreement-activity">
      <h2 id="activity-heading">{t("heading")}</h2>
      {activity.dormant ? (
        // Worded without "Dormant": the page shows that tag once, under its heading.
        <p className="max-w-2xl border-l-8 border-amber-500 bg-amber-50 p-3" data-testid="dormancy-note">
          {activity.lastActivity
            ? t("dormantNoteLast", { months: activity.dormancyMonths, date: formatDate(activity.lastActivity, locale) })
            : t("dormantNote", { months: activity.dormancyMonths })}
        </p>
      ) : null}
      {canLogExchange || canAddEvent ? (
        <p className="flex flex-wrap gap-3">
          {canLogExchange ? (
            <Link href={`/exchanges/new?agreement=${activity.agreementId}`} className="button-secondary">
              {t("logExchange")}
            </Link>
          ) : null}
          {canAddEvent ? (
            <Link href={`/events/new?agreement=${activity.agreementId}`} className="button-secondary">
              {t("addEvent")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {activity.items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <dl className="my-4 grid max-w-3xl grid-cols-2 gap-3 sm:grid-cols-4" data-testid="activity-totals">
            <div className="rounded border-2 border-slate-300 p-3">
              <dt className="text-sm">{t("exchanges")}</dt>
              <dd className="text-2xl font-bold">{formatNumber(totals.exchanges, locale)}</dd>
            </div>
            <div className="rounded border-2 border-slate-300 p-3">
              <dt className="text-sm">{t("events")}</dt>
              <dd className="text-2xl font-bold">{formatNumber(totals.events, locale)}</dd>
            </div>
            <div className="rounded border-2 border-slate-300 p-3">
              <dt className="text-sm">{t("participants")}</dt>
              <dd className="text-2xl font-bold">{formatNumber(totals.participants, locale)}</dd>
            </div>
            <div className="rounded border-2 border-slate-300 p-3">
              <dt className="text-sm">{t("spend")}</dt>
              <dd className="text-lg font-bold">{spend || t("noneRecorded")}</dd>
            </div>
          </dl>
          {activity.lastActivity ? <p>{t("lastActivity", { date: formatDate(activity.lastActivity, locale) })}</p> : null}
          <ActivityChart years={activity.years} id={`activity-chart-${activity.agreementId}`} />
          <h3>{t("inDateOrder")}</h3>
          <DataTable
            caption={t("caption")}
            columns={[t("columns.date"), t("columns.type"), t("columns.what"), t("columns.participants"), t("columns.cost"), t("columns.visibility")]}
            actionsColumn={actionsColumn}
          >
            {activity.items.map((item) => (
              <ItemRow key={`${item.type}-${item.id}`} item={item} actionsColumn={actionsColumn} canEdit={item.type === "exchange" ? canEditExchanges : canEditEvents} />
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
