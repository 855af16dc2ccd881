"use server";

import { updateDraft } from "@/lib/agreements/update-draft";
import { revalidateAgreements } from "@/lib/cache";
import { createAction } from "@/lib/safe-action";
import { updateAgreementSchema } from "@/lib/validation/agreement";

export const updateAgreementAction = createAction({
  permission: "agreement:edit",
  schema: updateAgreementSchema,
  arrayFields: ["themes"],
  async run(input, actor) {
    const result = await updateDraft(input, actor);
    revalidateAgreements();
    return result;
  },
  redirectTo: (_result, input) => `/agreements/${input.id}`,
});
