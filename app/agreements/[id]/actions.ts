"use server";

import { applyCommand } from "@/lib/agreements/apply-command";
import { createAction } from "@/lib/web/safe-action";
import { commandSchema } from "@/lib/domain/validation/agreement";

export const agreementCommandAction = createAction({
  // applyCommand checks the command's own permission too.
  permission: "agreement:propose",
  schema: commandSchema,
  invalidates: ["office", "public"],
  run: (input, actor) => applyCommand(input, actor),
  redirectTo: (_result, input) => `/agreements/${input.agreementId}`,
});
