"use server";

import { correctDetails } from "@/lib/agreements/correct-details";
import { createAction } from "@/lib/web/safe-action";
import { correctionSchema } from "@/lib/domain/validation/agreement";

/** "Correct details" of an Active or Suspended link: applied at once, audited; the public page shows the partner's. */
export const correctDetailsAction = createAction({
  permission: "agreement:edit",
  schema: correctionSchema,
  invalidates: ["office", "public"],
  run: (input, actor) => correctDetails(input, actor),
  redirectTo: (_result, input) => `/agreements/${input.agreementId}`,
});
