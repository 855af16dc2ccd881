"use server";

import { applyCommand } from "@/lib/agreements/apply-command";
import { revalidateAgreements, revalidatePublic } from "@/lib/cache";
import { createAction } from "@/lib/safe-action";
import { commandSchema } from "@/lib/validation/agreement";

export const agreementCommandAction = createAction({
  // applyCommand checks the command's own permission too.
  permission: "agreement:propose",
  schema: commandSchema,
  async run(input, actor) {
    const result = await applyCommand(input, actor);
    revalidateAgreements();
    revalidatePublic();
    return result;
  },
  redirectTo: (_result, input) => `/agreements/${input.agreementId}`,
});
