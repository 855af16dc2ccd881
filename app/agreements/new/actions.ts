"use server";

import { redirect } from "next/navigation";
import { createDraft } from "@/lib/agreements/create-draft";
import { revalidateAgreements } from "@/lib/cache";
import { createAction } from "@/lib/safe-action";
import { createAgreementSchema } from "@/lib/validation/agreement";

export const createAgreementAction = createAction({
  permission: "agreement:draft",
  schema: createAgreementSchema,
  arrayFields: ["themes"],
  async run(input, actor) {
    const { id } = await createDraft(input, actor);
    revalidateAgreements();
    redirect(`/agreements/${id}?saved=1`);
  },
});
