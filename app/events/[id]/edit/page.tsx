import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { CancelEventForm, DeleteRecordForm } from "@/components/cancel-delete-forms";
import { EventForm } from "@/components/event-form";
import { Link } from "@/components/link";
import { Tag } from "@/components/status-tag";
import { SummaryList } from "@/components/summary-list";
import { requirePageUser } from "@/lib/auth/session";
import { getEvent } from "@/lib/data/events";
import { listEventAgreementChoices } from "@/lib/data/exchanges";
import { formatDateTime } from "@/lib/domain/format";
import { timeZoneChoices, utcToZonedWallTime } from "@/lib/events/zoned-time";
import { agreementOptions } from "@/lib/exchanges/agreement-choices";
import { getPageLocale } from "@/lib/i18n/server";
import { cancelEventAction, deleteEventAction, updateEventAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity.events"))("editTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EditEventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  await requirePageUser(`/events/${id}/edit`, "event:write");
  const event = await getEvent(id);
  if (!event) notFound();
  const editPath = `/events/${event.id}/edit`;
  const [t, tForm, locale] = await Promise.all([getTranslations("activity.events"), getTranslations("activityForm.deleteEvent"), getPageLocale()]);

  // Deleting takes two steps: this link opens the second (a plain GET, so it works without JavaScript).
  if ((await searchParams).delete === "confirm") {
    return (
      <>
        <BackLink href={editPath}>{tForm("keep")}</BackLink>
        <h1>{t("delete.confirmHeading", { title: event.title })}</h1>
        <p className="max-w-2xl border-l-8 border-error bg-red-50 p-3">{t("delete.confirmIntro")}</p>
        <DeleteRecordForm action={deleteEventAction} kind="event" id={event.id} keepHref={editPath} />
      </>
    );
  }

  const deleteSection = (
    <section aria-labelledby="delete-heading" className="mt-10 max-w-3xl">
      <h2 id="delete-heading">{t("delete.heading")}</h2>
      <p>{t("delete.intro")}</p>
      <p>
        <Link href={`${editPath}?delete=confirm`} className="button-secondary">
          {t("delete.start")}
        </Link>
      </p>
    </section>
  );

  if (event.cancelledAt) {
    return (
      <>
        <BackLink href="/events">{t("back")}</BackLink>
        <h1>
          {event.title} <Tag tone="warning">{t("cancelled")}</Tag>
        </h1>
        <section aria-labelledby="cancelled-heading" className="max-w-3xl border-l-8 border-amber-500 bg-amber-50 p-4">
          <h2 id="cancelled-heading" className="mt-0">
            {t("cancelledNotice.heading")}
          </h2>
          <p>{t("cancelledNotice.when", { date: formatDateTime(event.cancelledAt, locale), name: event.cancelledBy?.name ?? "—" })}</p>
          <SummaryList
            rows={[
              { label: t("cancelledNotice.reason"), value: event.cancellationReason },
              { label: t("cancelledNotice.publicReason"), value: event.cancellationPublicReason || t("cancelledNotice.none") },
            ]}
          />
          <p className="mb-0">{t("cancelledNotice.noEdit")}</p>
        </section>
        {deleteSection}
      </>
    );
  }

  const choices = await listEventAgreementChoices(event.agreementId);
  const zones = timeZoneChoices();
  return (
    <>
      <BackLink href="/events">{t("back")}</BackLink>
      <h1>{t("editHeading", { title: event.title })}</h1>
      <EventForm
        action={updateEventAction}
        agreements={agreementOptions(choices, locale)}
        timeZones={zones.includes(event.timeZone) ? zones : [...zones, event.timeZone]}
        edit={{ id: event.id, updatedAt: event.updatedAt.toISOString() }}
        defaultValues={{
          title: event.title,
          kind: event.kind,
          startsAt: utcToZonedWallTime(event.startsAt, event.timeZone),
          endsAt: event.endsAt ? utcToZonedWallTime(event.endsAt, event.timeZone) : "",
          timeZone: event.timeZone,
          place: event.place,
          description: event.description,
          visibility: event.visibility,
          agreementId: event.agreementId ?? "",
          id: event.id,
          updatedAt: event.updatedAt.toISOString(),
        }}
      />
      <section aria-labelledby="cancel-heading" className="mt-10 max-w-3xl">
        <h2 id="cancel-heading">{t("cancel.heading")}</h2>
        <p>{t("cancel.intro")}</p>
        <p>{t("cancel.postpone")}</p>
        <CancelEventForm action={cancelEventAction} eventId={event.id} />
      </section>
      {deleteSection}
    </>
  );
}
