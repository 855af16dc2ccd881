"use server";

import { logExchange } from "@/lib/exchanges/log-exchange";
import { revalidateActivity } from "@/lib/exchanges/revalidate-activity";
import { createAction } from "@/lib/safe-action";
import { createExchangeSchema } from "@/lib/validation/exchange";

export const createExchangeAction = createAction({
  permission: "exchange:write",
  schema: createExchangeSchema,
  async run(input, actor) {
    const exchange = await logExchange(input, actor);
    revalidateActivity({ agreementIds: [exchange.agreementId], public: input.visibility === "PUBLIC" });
    return exchange;
  },
  // The list filtered to the exchange's agreement, where the new one shows.
  redirectTo: (exchange) => `/exchanges?agreement=${exchange.agreementId}`,
});
