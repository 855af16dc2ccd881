"use server";

import { redirect } from "next/navigation";
import { logExchange } from "@/lib/exchanges/log-exchange";
import { revalidateActivity } from "@/lib/exchanges/revalidate-activity";
import { createAction } from "@/lib/safe-action";
import { createExchangeSchema } from "@/lib/validation/exchange";

export const createExchangeAction = createAction({
  permission: "exchange:write",
  schema: createExchangeSchema,
  async run(input, actor) {
    const { agreementId } = await logExchange(input, actor);
    revalidateActivity({ agreementIds: [agreementId], public: input.visibility === "PUBLIC" });
    redirect(`/exchanges?done=logged&agreement=${agreementId}`);
  },
});
