"use server";

import { updateExchange } from "@/lib/exchanges/update-exchange";
import { createAction } from "@/lib/web/safe-action";
import { updateExchangeSchema } from "@/lib/domain/validation/exchange";

export const updateExchangeAction = createAction({
  permission: "exchange:write",
  schema: updateExchangeSchema,
  invalidates: ["activity", "public"],
  run: (input, actor) => updateExchange(input, actor),
  redirectTo: () => "/exchanges",
});
