import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { Tag } from "@/components/status-tag";
import { activityFilterValues } from "@/components/activity-filters";
import { ActivityLog } from "@/components/activity-log";
import { CalendarSubscribe } from "@/components/public/calendar-subscribe";
import { requirePageUser } from "@/lib/auth/session";
import { listEvents, parseEventFilters } from "@/lib/data/events";
import { listAgreementFilterChoices } from "@/lib/data/exchanges";
import { pageNumber } from "@/lib/domain/pagination";
import { labelsIn, optionsOf } from "@/lib/domain/labels";
import { LANGUAGE_TAGS } from "@/lib/i18n/locales";
import { getPageLocale } from "@/lib/i18n/server";
import { siteOrigin } from "@/lib/web/request-context";
import { formatInZone } from "@/lib/events/zoned-time";
import { agreementOptions } from "@/lib/exchanges/agreement-choices";
import { can } from "@/lib/domain/permissions";
import { activityExportHref } from "@/lib/export/activity-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity.events"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/events", "event:read");
  const params = await searchParams;
  const filters = {
    ...parseEventFilters(params),
    page: pageNumber(params.page),
  };
  const [result, agreements, origin, t, locale] = await Promise.all([listEvents(filters), listAgreementFilterChoices(), siteOrigin(), getTranslations("activity.events"), getPageLocale()]);
  const labels = labelsIn(locale);

  return (
    <>
      <ActivityLog
        noun="events"
        title={t("title")}
        add={can(user, "event:write") ? { href: "/events/new", label: t("add") } : null}
        confirmation={{ scope: "event", done: params.done }}
        intro={t("intro")}
        filters={{
          values: activityFilterValues(filters),
          agreements: agreementOptions(agreements, locale),
          kinds: optionsOf(labels.eventKind),
          searchLabel: t("searchLabel"),
        }}
        downloads={{ csv: activityExportHref("events", filters, "csv"), xlsx: activityExportHref("events", filters, "xlsx") }}
        result={result}
        table={{
          caption: t("caption"),
          columns: [t("columns.starts"), t("columns.title"), t("columns.kind"), t("columns.place"), t("columns.agreement"), t("columns.visibility")],
          actionsColumn: can(user, "event:write"),
        }}
      >
        {result.items.map((event) => (
          <tr key={event.id}>
            <td>{formatInZone(event.startsAt, event.timeZone, LANGUAGE_TAGS[locale])}</td>
            <td>
              {event.title}
              {event.cancelledAt ? (
                <>
                  {" "}
                  <Tag tone="warning">{t("cancelled")}</Tag>
                </>
              ) : null}
            </td>
            <td>{labels.eventKind[event.kind]}</td>
            <td>{event.place}</td>
            <td>{event.agreement ? <Link href={`/agreements/${event.agreement.id}`}>{event.agreement.partner.name}</Link> : null}</td>
            <td>{labels.visibility[event.visibility]}</td>
            {can(user, "event:write") ? (
              <td>
                <Link href={`/events/${event.id}/edit`}>
                  {t("edit")}
                  <span className="sr-only"> {event.title}</span>
                </Link>
              </td>
            ) : null}
          </tr>
        ))}
      </ActivityLog>

      <CalendarSubscribe origin={origin} feedPath="/open-data/events.ics" />
    </>
  );
}
