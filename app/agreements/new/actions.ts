"use server";

import { createDraft } from "@/lib/agreements/create-draft";
import { createAction } from "@/lib/web/safe-action";
import { createAgreementSchema } from "@/lib/domain/validation/agreement";

export const createAgreementAction = createAction({
  permission: "agreement:draft",
  schema: createAgreementSchema,
  arrayFields: ["themes"],
  invalidates: ["office"],
  run: (input, actor) => createDraft(input, actor),
  redirectTo: (draft) => `/agreements/${draft.id}`,
});
