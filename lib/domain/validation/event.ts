import { z } from "zod";
import { EventKind, Visibility } from "@/generated/prisma/enums";
import { isTimeZone, zonedWallTimeToUtc } from "@/lib/events/zoned-time";
import { enumField, longText, optionalText, requiredLongText, requiredText } from "./fields";
import { validationMessage, type FieldLabel, type ValidationKey } from "./messages";

const kindValues = Object.values(EventKind) as [EventKind, ...EventKind[]];
const visibilityValues = Object.values(Visibility) as [Visibility, ...Visibility[]];

export const DEFAULT_TIME_ZONE = "Europe/London";

function blankToUndefined(value: unknown) {
  return typeof value === "string" && value.trim() === "" ? undefined : value === null ? undefined : value;
}

/** A wall-clock date and time as a datetime-local input sends it; checked against its zone later. */
function wallTime(label: FieldLabel, missing: ValidationKey) {
  const blank = validationMessage(missing);
  const notReal = validationMessage("rule.notRealDateTime", { label });
  return z
    .string({ error: blank })
    .trim()
    .superRefine((value, context) => {
      // One issue at most, and never `abort`: the cross-field checks still run (see checkTimes).
      if (value === "") context.addIssue({ code: "custom", message: blank });
      else if (!zonedWallTimeToUtc(value, "UTC").ok) context.addIssue({ code: "custom", message: notReal });
    });
}

const CHOOSE_TIME_ZONE = validationMessage("choose.timeZone");
const TIME_ZONE_FROM_LIST = validationMessage("choose.timeZoneFromList");

/** The fields of the event form, as typed: times are wall-clock times in the chosen zone. */
export const eventFields = z.object({
  title: requiredText("title", 200, "enter.eventTitle"),
  kind: enumField("choose.eventKind", kindValues),
  startsAt: wallTime("startsAt", "enter.startsAt"),
  endsAt: z.preprocess(blankToUndefined, wallTime("endsAt", "enter.endsAt").optional()),
  timeZone: z
    .string({ error: CHOOSE_TIME_ZONE })
    .trim()
    .superRefine((value, context) => {
      if (value === "") context.addIssue({ code: "custom", message: CHOOSE_TIME_ZONE });
      else if (!isTimeZone(value)) context.addIssue({ code: "custom", message: TIME_ZONE_FROM_LIST });
    }),
  place: optionalText("place", 300),
  description: longText("description", 5000),
  visibility: z.enum(visibilityValues, { error: validationMessage("choose.eventVisibility") }),
  agreementId: z.preprocess(blankToUndefined, z.uuid({ error: validationMessage("choose.eventAgreement") }).optional()),
});

type EventFields = z.output<typeof eventFields>;

/** The instants the wall-clock times stand for, or why they stand for none. */
function instants(value: Pick<EventFields, "startsAt" | "endsAt" | "timeZone">) {
  const start = zonedWallTimeToUtc(value.startsAt, value.timeZone);
  const end = value.endsAt === undefined ? null : zonedWallTimeToUtc(value.endsAt, value.timeZone);
  return { start, end };
}

const TIME_CHECKS = {
  startSkipped: validationMessage("rule.timeSkipped", { label: "startsAt" }),
  endSkipped: validationMessage("rule.timeSkipped", { label: "endsAt" }),
  endBeforeStart: validationMessage("check.eventEndBeforeStart"),
};
const OUT_OF_DATE = validationMessage("rule.outOfDate");

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
  if (!start.ok && start.problem === "nonexistent") context.addIssue({ code: "custom", path: ["startsAt"], message: TIME_CHECKS.startSkipped });
  if (end && !end.ok && end.problem === "nonexistent") context.addIssue({ code: "custom", path: ["endsAt"], message: TIME_CHECKS.endSkipped });
  if (start.ok && end?.ok && end.date <= start.date) {
    context.addIssue({ code: "custom", path: ["endsAt"], message: TIME_CHECKS.endBeforeStart });
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
    id: z.uuid({ error: validationMessage("notFound.event") }),
    /** When the form was loaded: the save is refused if someone else has saved since. */
    updatedAt: z
      .string({ error: OUT_OF_DATE })
      .refine((value) => !Number.isNaN(Date.parse(value)), OUT_OF_DATE)
      .transform((value) => new Date(value)),
  }),
);

export type CreateEventInput = z.output<typeof createEventSchema>;
export type UpdateEventInput = z.output<typeof updateEventSchema>;

export const EVENT_FIELD_ORDER = ["title", "kind", "startsAt", "endsAt", "timeZone", "place", "description", "visibility", "agreementId"] as const;

/** Why a cancelled event is refused: another cancellation, or an edit (lib/events/cancel-event.ts, update-event.ts). */
export const EVENT_CANCELLED_MESSAGE = validationMessage("check.eventCancelled");
export const EVENT_ALREADY_CANCELLED_MESSAGE = validationMessage("check.eventAlreadyCancelled");

/** "Cancel event": why (for staff, required) and what the public is told (optional). */
export const cancelEventSchema = z.object({
  id: z.uuid({ error: validationMessage("notFound.event") }),
  reason: requiredLongText("reason", 2000, "enter.cancelReason"),
  publicReason: longText("publicReason", 500),
});

export type CancelEventInput = z.output<typeof cancelEventSchema>;

/** Deleting an event logged in error: the reason is kept in the audit log with what was deleted. */
export const deleteEventSchema = z.object({
  id: z.uuid({ error: validationMessage("notFound.event") }),
  reason: requiredLongText("reason", 2000, "enter.deleteReason"),
});

export type DeleteEventInput = z.output<typeof deleteEventSchema>;
