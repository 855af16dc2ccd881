"use server";

import { setScrutinyMember } from "@/lib/admin/scrutiny-member";
import { scrutinyMemberSchema } from "@/lib/domain/validation/call-in";
import { createAction } from "@/lib/web/safe-action";

/** "Scrutiny member" on a councillor's page: may call in decisions they took no part in. */
export const setScrutinyMemberAction = createAction({
  permission: "user:manage",
  schema: scrutinyMemberSchema,
  invalidates: ["users"],
  run: (input, actor) => setScrutinyMember(input, actor),
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});
