"use server";

import { createEvent } from "@/lib/events/create-event";
import { revalidateActivity } from "@/lib/exchanges/revalidate-activity";
import { createAction } from "@/lib/safe-action";
import { createEventSchema } from "@/lib/validation/event";

export const createEventAction = createAction({
  permission: "event:write",
  schema: createEventSchema,
  async run(input, actor) {
    const event = await createEvent(input, actor);
    revalidateActivity({ agreementIds: [event.agreementId], public: input.visibility === "PUBLIC" });
    return event;
  },
  redirectTo: () => "/events",
});
