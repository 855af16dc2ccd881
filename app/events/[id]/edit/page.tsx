import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { EventForm } from "@/components/event-form";
import { requirePageUser } from "@/lib/auth/session";
import { getEvent } from "@/lib/data/events";
import { listEventAgreementChoices } from "@/lib/data/exchanges";
import { timeZoneChoices, utcToZonedWallTime } from "@/lib/events/zoned-time";
import { agreementOptions } from "@/lib/exchanges/agreement-choices";
import { getPageLocale } from "@/lib/i18n/server";
import { updateEventAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity.events"))("editTitle") };
}

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser(`/events/${id}/edit`, "event:write");
  const event = await getEvent(id);
  if (!event) notFound();
  const [choices, t, locale] = await Promise.all([listEventAgreementChoices(event.agreementId), getTranslations("activity.events"), getPageLocale()]);
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
    </>
  );
}
