"use server";

import { updateEvent } from "@/lib/events/update-event";
import { revalidateActivity } from "@/lib/exchanges/revalidate-activity";
import { createAction } from "@/lib/safe-action";
import { updateEventSchema } from "@/lib/validation/event";

export const updateEventAction = createAction({
  permission: "event:write",
  schema: updateEventSchema,
  async run(input, actor) {
    const result = await updateEvent(input, actor);
    revalidateActivity(result);
    return result;
  },
  redirectTo: () => "/events",
});
