"use server";

import { createEvent } from "@/lib/events/create-event";
import { createAction } from "@/lib/web/safe-action";
import { createEventSchema } from "@/lib/domain/validation/event";

export const createEventAction = createAction({
  permission: "event:write",
  schema: createEventSchema,
  invalidates: ["activity", "public"],
  run: (input, actor) => createEvent(input, actor),
  redirectTo: () => "/events",
});
