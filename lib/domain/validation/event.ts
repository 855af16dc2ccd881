import { z } from "zod";
import { EventKind, Visibility } from "@/generated/prisma/enums";
import { isTimeZone, zonedWallTimeToUtc } from "@/lib/events/zoned-time";
import { enumField, longText, optionalText, requiredText } from "./fields";

const kindValues = Object.values(EventKind) as [EventKind, ...EventKind[]];
const visibilityValues = Object.values(Visibility) as [Visibility, ...Visibility[]];

export const DEFAULT_TIME_ZONE = "Europe/London";

function blankToUndefined(value: unknown) {
  return typeof value === "string" && value.trim() === "" ? undefined : value === null ? undefined : value;
}

/** A wall-clock date and time as a datetime-local input sends it; checked against its zone later. */
function wallTime(label: string) {
  return z
    .string({ error: `Enter the ${label.toLowerCase()}` })
    .trim()
    .superRefine((value, context) => {
      // One issue at most, and never `abort`: the cross-field checks still run (see checkTimes).
      if (value === "") context.addIssue({ code: "custom", message: `Enter the ${label.toLowerCase()}` });
      else if (!zonedWallTimeToUtc(value, "UTC").ok) context.addIssue({ code: "custom", message: `${label} must be a real date and time, like 2027-05-08 19:00` });
    });
}

/** The fields of the event form, as typed: times are wall-clock times in the chosen zone. */
export const eventFields = z.object({
  title: requiredText("Title", 200, "Enter the title of the event"),
  kind: enumField("the kind of event", kindValues),
  startsAt: wallTime("Start date and time"),
  endsAt: z.preprocess(blankToUndefined, wallTime("End date and time").optional()),
  timeZone: z
    .string({ error: "Choose a time zone" })
    .trim()
    .superRefine((value, context) => {
      if (value === "") context.addIssue({ code: "custom", message: "Choose a time zone" });
      else if (!isTimeZone(value)) context.addIssue({ code: "custom", message: "Choose a time zone from the list, like Europe/London" });
    }),
  place: optionalText("Place", 300),
  description: longText("Description", 5000),
  visibility: z.enum(visibilityValues, { error: "Choose whether the event is public or internal" }),
  agreementId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose an agreement from the list, or none" }).optional()),
});

type EventFields = z.output<typeof eventFields>;

/** The instants the wall-clock times stand for, or why they stand for none. */
function instants(value: Pick<EventFields, "startsAt" | "endsAt" | "timeZone">) {
  const start = zonedWallTimeToUtc(value.startsAt, value.timeZone);
  const end = value.endsAt === undefined ? null : zonedWallTimeToUtc(value.endsAt, value.timeZone);
  return { start, end };
}

const NONEXISTENT = "does not exist in that time zone: the clocks go forward then. Choose a time an hour later";

/**
 * Checks the times against the zone and each other. Runs even when other fields are wrong, so
 * the form shows every problem at once; it looks only at fields that are themselves valid.
 */
function checkTimes(raw: EventFields, context: z.RefinementCtx) {
  const value = raw as Partial<Record<keyof EventFields, unknown>>;
  if (typeof value.timeZone !== "string" || !isTimeZone(value.timeZone) || typeof value.startsAt !== "string") return;
  const endsAt = typeof value.endsAt === "string" ? value.endsAt : undefined;
  if (value.endsAt !== undefined && endsAt === undefined) return;
  const { start, end } = instants({ startsAt: value.startsAt, endsAt, timeZone: value.timeZone });
  if (!start.ok && start.problem === "nonexistent") context.addIssue({ code: "custom", path: ["startsAt"], message: `Start date and time ${NONEXISTENT}` });
  if (end && !end.ok && end.problem === "nonexistent") context.addIssue({ code: "custom", path: ["endsAt"], message: `End date and time ${NONEXISTENT}` });
  if (start.ok && end?.ok && end.date <= start.date) {
    context.addIssue({ code: "custom", path: ["endsAt"], message: "End date and time must be after the start" });
  }
}

/** Adds the checks, then turns the wall-clock times into instants (stored in UTC). */
function withInstants<S extends z.ZodType<EventFields, Record<string, unknown>>>(schema: S) {
  return schema.superRefine(checkTimes, { when: () => true }).transform((value: z.output<S>) => {
    const { start, end } = instants(value);
    if (!start.ok || (end && !end.ok)) return z.NEVER;
    return { ...value, startsAt: start.date, endsAt: end?.ok ? end.date : null };
  });
}

export const createEventSchema = withInstants(eventFields);

export const updateEventSchema = withInstants(
  eventFields.extend({
    id: z.uuid({ error: "The event was not found" }),
    /** When the form was loaded: the save is refused if someone else has saved since. */
    updatedAt: z
      .string({ error: "The form is out of date — reload the page" })
      .refine((value) => !Number.isNaN(Date.parse(value)), "The form is out of date — reload the page")
      .transform((value) => new Date(value)),
  }),
);

export type CreateEventInput = z.output<typeof createEventSchema>;
export type UpdateEventInput = z.output<typeof updateEventSchema>;

export const EVENT_FIELD_ORDER = ["title", "kind", "startsAt", "endsAt", "timeZone", "place", "description", "visibility", "agreementId"] as const;
