"use server";

import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { passwordResetRequestSchema, passwordResetSchema } from "@/lib/domain/validation/account";
import { createAction } from "@/lib/web/safe-action";

export const requestPasswordResetAction = createAction({
  // Anyone: this is for those who cannot sign in.
  permission: null,
  schema: passwordResetRequestSchema,
  invalidates: [],
  run: (input, _actor, { ip }) => requestPasswordReset(input.email, ip),
});

export const resetPasswordAction = createAction({
  permission: null,
  schema: passwordResetSchema,
  invalidates: [],
  run: (input, _actor, { ip }) => resetPassword(input, ip),
  // Every session has ended, this browser's too: sign in with the new password.
  redirectTo: () => "/login",
});
