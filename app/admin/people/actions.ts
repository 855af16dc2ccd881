"use server";

import { erasePersonByEmail } from "@/lib/admin/person-by-email";
import { personEmailSchema } from "@/lib/domain/validation/contacts";
import { createAction } from "@/lib/web/safe-action";

/** "Erase their personal data" for a person found by email on /admin/people (a contact without an account). */
export const erasePersonAction = createAction({
  permission: "user:manage",
  schema: personEmailSchema,
  invalidates: ["office", "users"],
  run: (input, actor) => erasePersonByEmail(input.email, actor),
  redirectTo: () => "/admin/people",
});
