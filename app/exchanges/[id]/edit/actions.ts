"use server";

import { revalidateActivity } from "@/lib/exchanges/revalidate-activity";
import { updateExchange } from "@/lib/exchanges/update-exchange";
import { createAction } from "@/lib/safe-action";
import { updateExchangeSchema } from "@/lib/validation/exchange";

export const updateExchangeAction = createAction({
  permission: "exchange:write",
  schema: updateExchangeSchema,
  async run(input, actor) {
    const result = await updateExchange(input, actor);
    revalidateActivity(result);
    return result;
  },
  redirectTo: () => "/exchanges",
});
