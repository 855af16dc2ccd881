"use server";

import { logExchange } from "@/lib/exchanges/log-exchange";
import { createAction } from "@/lib/web/safe-action";
import { createExchangeSchema } from "@/lib/domain/validation/exchange";

export const createExchangeAction = createAction({
  permission: "exchange:write",
  schema: createExchangeSchema,
  invalidates: ["activity", "public"],
  run: (input, actor) => logExchange(input, actor),
  // The list filtered to the exchange's agreement, where the new one shows.
  redirectTo: (exchange) => `/exchanges?agreement=${exchange.agreementId}`,
});
