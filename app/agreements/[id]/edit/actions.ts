"use server";

import { updateDraft } from "@/lib/agreements/update-draft";
import { createAction } from "@/lib/web/safe-action";
import { updateAgreementSchema } from "@/lib/domain/validation/agreement";

export const updateAgreementAction = createAction({
  permission: "agreement:edit",
  schema: updateAgreementSchema,
  arrayFields: ["themes"],
  invalidates: ["office"],
  run: (input, actor) => updateDraft(input, actor),
  redirectTo: (_result, input) => `/agreements/${input.id}`,
});
