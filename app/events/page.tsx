import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { Tag } from "@/components/status-tag";
import { activityFilterValues } from "@/components/activity-filters";
import { ActivityLog } from "@/components/activity-log";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity.events"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FEED_PATH = "/open-data/events.ics";

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/events", "event:read");
  const params = await searchParams;
  const filters = {
    ...parseEventFilters(params),
    page: pageNumber(params.page),
  };
  const [result, agreements, origin, t, locale] = await Promise.all([listEvents(filters), listAgreementFilterChoices(), siteOrigin(), getTranslations("activity.events"), getPageLocale()]);
  const labels = labelsIn(locale);
  const feedUrl = `${origin}${FEED_PATH}`;
  const webcalUrl = feedUrl.replace(/^https?:/, "webcal:");

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

      <section aria-labelledby="feed-heading" className="mt-10 max-w-3xl rounded border border-slate-300 p-4">
        <h2 id="feed-heading" className="mt-0">
          {t("feed.heading")}
        </h2>
        <p>{t("feed.intro")}</p>
        <p>
          <label htmlFor="feed-url" className="label">
            {t("feed.address")}
          </label>
          <input id="feed-url" type="text" readOnly value={feedUrl} className="input font-mono" />
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <a href={webcalUrl}>{t("feed.subscribe")}</a> {t("feed.subscribeNote")}
          </li>
          <li>{t("feed.google")}</li>
          <li>{t("feed.outlook")}</li>
          <li>
            <a href={FEED_PATH} download="events.ics">
              {t("feed.download")}
            </a>{" "}
            {t("feed.downloadNote")}
          </li>
        </ul>
        <p className="hint">{t("feed.refresh")}</p>
      </section>
    </>
  );
}
