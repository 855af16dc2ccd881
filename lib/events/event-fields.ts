import type { Prisma } from "@/generated/prisma/client";
import type { CreateEventInput } from "@/lib/domain/validation/event";

/** The columns an event form writes, from its parsed input (times already in UTC). */
export function eventData(input: CreateEventInput) {
  return {
    agreementId: input.agreementId ?? null,
    title: input.title,
    kind: input.kind,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    place: input.place ?? "",
    description: input.description,
    visibility: input.visibility,
  } satisfies Prisma.EventUncheckedUpdateInput;
}
