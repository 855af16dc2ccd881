"use server";

import { deleteExchange } from "@/lib/exchanges/delete-exchange";
import { updateExchange } from "@/lib/exchanges/update-exchange";
import { createAction } from "@/lib/web/safe-action";
import { deleteExchangeSchema, updateExchangeSchema } from "@/lib/domain/validation/exchange";

export const updateExchangeAction = createAction({
  permission: "exchange:write",
  schema: updateExchangeSchema,
  invalidates: ["activity", "public"],
  run: (input, actor) => updateExchange(input, actor),
  redirectTo: () => "/exchanges",
});

export const deleteExchangeAction = createAction({
  permission: "exchange:write",
  schema: deleteExchangeSchema,
  invalidates: ["activity", "public"],
  run: (input, actor) => deleteExchange(input, actor),
  redirectTo: () => "/exchanges",
});
