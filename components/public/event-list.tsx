import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { Tag } from "@/components/status-tag";
import { labelsIn } from "@/lib/domain/labels";
import { eventCalendarPath, type WhatsOnEvent } from "@/lib/domain/whats-on";
import { formatInZone } from "@/lib/events/zoned-time";
import { LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";
import { usePageLocale } from "@/lib/i18n/navigation";
import { partnerPagePath } from "@/lib/open-data/partners";

/** An event's time where it is held, in the page's language, e.g. "13 February 2027 at 11:00 CET". */
function eventTime(event: WhatsOnEvent, locale: Locale): string {
  try {
    return formatInZone(event.startsAt, event.timeZone, LANGUAGE_TAGS[locale]);
  } catch {
    return formatInZone(event.startsAt, "Europe/London", LANGUAGE_TAGS[locale]);
  }
}

/**
 * Public events as a list: each with its time, place, "Cancelled" when it was called off, "Add to
 * calendar" while it is still to come, and (`withPartner`) a link to its partner's page.
 */
export function PublicEventList({ events, upcoming, withPartner, headingLevel = 3 }: { events: readonly WhatsOnEvent[]; upcoming: boolean; withPartner: boolean; headingLevel?: 2 | 3 }) {
  const locale = usePageLocale();
  const t = useTranslations("whatsOn");
  const labels = labelsIn(locale);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="max-w-3xl divide-y divide-slate-300 border-y border-slate-300">
      {events.map((event) => (
        <li key={event.id} className="py-3">
          <Heading className="mt-0 mb-1 text-xl">
            {event.title}
            {event.cancelledAt ? (
              <>
                {" "}
                <Tag tone="warning">{t("cancelled")}</Tag>
              </>
            ) : null}
          </Heading>
          <p className="m-0 text-slate-700">
            {labels.eventKind[event.kind]} · <time dateTime={event.startsAt.toISOString()}>{eventTime(event, locale)}</time>
            {event.place ? ` · ${event.place}` : null}
          </p>
          {event.cancelledAt && event.cancellationPublicReason ? <p className="mt-1 mb-0 max-w-prose font-semibold">{t("cancelledReason", { reason: event.cancellationPublicReason })}</p> : null}
          {event.description ? <p className="mt-1 mb-0 max-w-prose">{event.description}</p> : null}
          {(upcoming && !event.cancelledAt) || (withPartner && event.partner) ? (
            <p className="mt-1 mb-0 flex flex-wrap gap-x-6">
              {upcoming && !event.cancelledAt ? (
                <a href={eventCalendarPath(event.id)} download>
                  {t("addToCalendar")}
                  <span className="sr-only">: {event.title}</span>
                </a>
              ) : null}
              {withPartner && event.partner ? <Link href={partnerPagePath(event.partner.slug)}>{t("partnerLink", { partner: event.partner.name })}</Link> : null}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
