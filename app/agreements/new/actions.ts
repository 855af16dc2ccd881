"use server";

import { createDraft } from "@/lib/agreements/create-draft";
import { revalidateAgreements } from "@/lib/cache";
import { createAction } from "@/lib/safe-action";
import { createAgreementSchema } from "@/lib/validation/agreement";

export const createAgreementAction = createAction({
  permission: "agreement:draft",
  schema: createAgreementSchema,
  arrayFields: ["themes"],
  async run(input, actor) {
    const draft = await createDraft(input, actor);
    revalidateAgreements();
    return draft;
  },
  redirectTo: (draft) => `/agreements/${draft.id}`,
});
