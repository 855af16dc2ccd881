"use server";

import { redirect } from "next/navigation";
import { createEvent } from "@/lib/events/create-event";
import { revalidateActivity } from "@/lib/exchanges/revalidate-activity";
import { createAction } from "@/lib/safe-action";
import { createEventSchema } from "@/lib/validation/event";

export const createEventAction = createAction({
  permission: "event:write",
  schema: createEventSchema,
  async run(input, actor) {
    const { agreementId } = await createEvent(input, actor);
    revalidateActivity({ agreementIds: [agreementId], public: input.visibility === "PUBLIC" });
    redirect("/events?done=created");
  },
});
