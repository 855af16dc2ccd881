"use server";

import { updateEvent } from "@/lib/events/update-event";
import { createAction } from "@/lib/web/safe-action";
import { updateEventSchema } from "@/lib/domain/validation/event";

export const updateEventAction = createAction({
  permission: "event:write",
  schema: updateEventSchema,
  invalidates: ["activity", "public"],
  run: (input, actor) => updateEvent(input, actor),
  redirectTo: () => "/events",
});
