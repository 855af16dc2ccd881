"use server";

import { createDraft } from "@/lib/agreements/create-draft";
import { createAction } from "@/lib/safe-action";
import { createAgreementSchema } from "@/lib/validation/agreement";

export const createAgreementAction = createAction({
  permission: "agreement:draft",
  schema: createAgreementSchema,
  arrayFields: ["themes"],
  invalidates: ["office"],
  run: (input, actor) => createDraft(input, actor),
  redirectTo: (draft) => `/agreements/${draft.id}`,
});
