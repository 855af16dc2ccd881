"use server";

import { startSession } from "@/lib/auth/session";
import { signInOrThrow } from "@/lib/auth/sign-in";
import { siteOrigin } from "@/lib/web/request-context";
import { createAction } from "@/lib/web/safe-action";
import { safeReturnPath, signInSchema } from "@/lib/domain/validation/auth";

export const signInAction = createAction({
  // Anyone: this is how one signs in.
  permission: null,
  schema: signInSchema,
  invalidates: [],
  async run(input, _actor, { ip }) {
    const user = await signInOrThrow(input.email, input.password, ip);
    await startSession(user);
    return {};
  },
  redirectTo: async (_result, input) => safeReturnPath(input.callbackUrl, await siteOrigin()),
});
