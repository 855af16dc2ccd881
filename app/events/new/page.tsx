import type { Metadata } from "next";
import Link from "next/link";
import { EventForm } from "@/components/event-form";
import { requirePageUser } from "@/lib/auth/session";
import { listEventAgreementChoices } from "@/lib/data/exchanges";
import { timeZoneChoices } from "@/lib/events/zoned-time";
import { agreementOptions } from "@/lib/exchanges/agreement-choices";
import { DEFAULT_TIME_ZONE } from "@/lib/validation/event";
import { createEventAction } from "./actions";

export const metadata: Metadata = { title: "Add an event" };

export default async function NewEventPage({ searchParams }: { searchParams: Promise<{ agreement?: string | string[] }> }) {
  await requirePageUser("/events/new", "event:write");
  const { agreement } = await searchParams;
  const choices = await listEventAgreementChoices();
  const chosen = choices.find((choice) => choice.id === agreement);
  return (
    <>
      <p>
        <Link href={chosen ? `/agreements/${chosen.id}` : "/events"}>{chosen ? `Back to ${chosen.partner.name}` : "Back to events"}</Link>
      </p>
      <h1>Add an event</h1>
      <EventForm
        action={createEventAction}
        agreements={agreementOptions(choices)}
        timeZones={timeZoneChoices()}
        defaultValues={{ kind: "", timeZone: DEFAULT_TIME_ZONE, visibility: "INTERNAL", agreementId: chosen?.id ?? "" }}
      />
    </>
  );
}
