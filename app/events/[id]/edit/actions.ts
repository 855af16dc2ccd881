"use server";

import { cancelEvent } from "@/lib/events/cancel-event";
import { deleteEvent } from "@/lib/events/delete-event";
import { updateEvent } from "@/lib/events/update-event";
import { createAction } from "@/lib/web/safe-action";
import { cancelEventSchema, deleteEventSchema, updateEventSchema } from "@/lib/domain/validation/event";

export const updateEventAction = createAction({
  permission: "event:write",
  schema: updateEventSchema,
  invalidates: ["activity", "public"],
  run: (input, actor) => updateEvent(input, actor),
  redirectTo: () => "/events",
});

export const cancelEventAction = createAction({
  permission: "event:write",
  schema: cancelEventSchema,
  invalidates: ["activity", "public"],
  run: (input, actor) => cancelEvent(input, actor),
  redirectTo: () => "/events",
});

export const deleteEventAction = createAction({
  permission: "event:write",
  schema: deleteEventSchema,
  invalidates: ["activity", "public"],
  run: (input, actor) => deleteEvent(input, actor),
  redirectTo: () => "/events",
});
