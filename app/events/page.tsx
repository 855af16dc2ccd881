import type { Metadata } from "next";
import Link from "next/link";
import { activityFilterValues } from "@/components/activity-filters";
import { ActivityLog } from "@/components/activity-log";
import { requirePageUser } from "@/lib/auth/session";
import { listEvents, parseEventFilters } from "@/lib/data/events";
import { listAgreementFilterChoices } from "@/lib/data/exchanges";
import { pageNumber } from "@/lib/domain/pagination";
import { EVENT_KIND_LABELS, optionsOf, VISIBILITY_LABELS } from "@/lib/domain/labels";
import { siteOrigin } from "@/lib/web/request-context";
import { formatInZone } from "@/lib/events/zoned-time";
import { agreementOptions } from "@/lib/exchanges/agreement-choices";
import { can } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "Events" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FEED_PATH = "/open-data/events.ics";

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/events", "event:read");
  const params = await searchParams;
  const filters = {
    ...parseEventFilters(params),
    page: pageNumber(params.page),
  };
  const [result, agreements, origin] = await Promise.all([listEvents(filters), listAgreementFilterChoices(), siteOrigin()]);
  const feedUrl = `${origin}${FEED_PATH}`;
  const webcalUrl = feedUrl.replace(/^https?:/, "webcal:");

  return (
    <>
      <ActivityLog
        noun="events"
        title="Events"
        add={can(user, "event:write") ? { href: "/events/new", label: "Add an event" } : null}
        confirmation={{ scope: "event", done: params.done }}
        intro="Charter signings, anniversaries, festivals, civic visits and exhibitions. Public events are published in the calendar feed below."
        filters={{
          values: activityFilterValues(filters),
          agreements: agreementOptions(agreements),
          kinds: optionsOf(EVENT_KIND_LABELS),
          searchLabel: "Title, place or partner",
        }}
        result={result}
        table={{
          caption: "Events, latest first",
          columns: ["Starts", "Title", "Kind", "Place", "Agreement", "Visibility"],
          actionsColumn: can(user, "event:write"),
        }}
      >
        {result.items.map((event) => (
          <tr key={event.id}>
            <td>{formatInZone(event.startsAt, event.timeZone)}</td>
            <td>{event.title}</td>
            <td>{EVENT_KIND_LABELS[event.kind]}</td>
            <td>{event.place}</td>
            <td>{event.agreement ? <Link href={`/agreements/${event.agreement.id}`}>{event.agreement.partner.name}</Link> : null}</td>
            <td>{VISIBILITY_LABELS[event.visibility]}</td>
            {can(user, "event:write") ? (
              <td>
                <Link href={`/events/${event.id}/edit`}>
                  Edit<span className="sr-only"> {event.title}</span>
                </Link>
              </td>
            ) : null}
          </tr>
        ))}
      </ActivityLog>

      <section aria-labelledby="feed-heading" className="mt-10 max-w-3xl rounded border border-slate-300 p-4">
        <h2 id="feed-heading" className="mt-0">
          Calendar feed
        </h2>
        <p>Every public event is published as an iCalendar feed that anyone can subscribe to. Internal events are never in it.</p>
        <p>
          <label htmlFor="feed-url" className="label">
            Feed address
          </label>
          <input id="feed-url" type="text" readOnly value={feedUrl} className="input font-mono" />
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <a href={webcalUrl}>Subscribe in your calendar app</a> (Apple Calendar, Outlook and others open this link).
          </li>
          <li>Google Calendar: Other calendars, then “From URL”, and paste the feed address.</li>
          <li>Outlook on the web: Add calendar, then “Subscribe from web”, and paste the feed address.</li>
          <li>
            <a href={FEED_PATH} download="events.ics">
              Download the feed as a file
            </a>{" "}
            (a one-off copy that does not update).
          </li>
        </ul>
        <p className="hint">Calendar apps check the feed for changes every few hours.</p>
      </section>
    </>
  );
}
