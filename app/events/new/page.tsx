import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/back-link";
import { EventForm } from "@/components/event-form";
import { requirePageUser } from "@/lib/auth/session";
import { listEventAgreementChoices } from "@/lib/data/exchanges";
import { timeZoneChoices } from "@/lib/events/zoned-time";
import { agreementOptions, openedFrom } from "@/lib/exchanges/agreement-choices";
import { DEFAULT_TIME_ZONE } from "@/lib/domain/validation/event";
import { getPageLocale } from "@/lib/i18n/server";
import { createEventAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity.events"))("add") };
}

export default async function NewEventPage({ searchParams }: { searchParams: Promise<{ agreement?: string | string[] }> }) {
  await requirePageUser("/events/new", "event:write");
  const { agreement } = await searchParams;
  const [choices, t, tActivity, locale] = await Promise.all([listEventAgreementChoices(), getTranslations("activity.events"), getTranslations("activity"), getPageLocale()]);
  const { chosen, back } = openedFrom(choices, agreement, { href: "/events", label: t("back") }, (name) => tActivity("backTo", { name }));
  return (
    <>
      <BackLink href={back.href}>{back.label}</BackLink>
      <h1>{t("add")}</h1>
      <EventForm
        action={createEventAction}
        agreements={agreementOptions(choices, locale)}
        timeZones={timeZoneChoices()}
        defaultValues={{ kind: "", timeZone: DEFAULT_TIME_ZONE, visibility: "INTERNAL", agreementId: chosen?.id ?? "" }}
      />
    </>
  );
}
