import { z } from "zod";
import { languageField, newPasswordField } from "./admin";
import { requiredText } from "./fields";
import { validationMessage } from "./messages";

const CURRENT_PASSWORD = validationMessage("enter.currentPassword");
const CONFIRM = validationMessage("enter.confirmNewPassword");

/** A new password typed twice ("New password", "Confirm new password"); forms extend it with their other fields. */
const newPasswordTwice = z.object({ newPassword: newPasswordField("enter.newPassword"), confirmNewPassword: z.string({ error: CONFIRM }).min(1, CONFIRM) });

const samePasswordTwice: [(input: { newPassword: string; confirmNewPassword: string }) => boolean, { path: PropertyKey[]; message: string; when: (payload: z.core.ParsePayload) => boolean }] = [
  (input) => input.newPassword === input.confirmNewPassword,
  {
    path: ["confirmNewPassword"],
    message: validationMessage("check.passwordsDiffer"),
    // Only once a confirmation was typed: an empty one has its own message.
    when: (payload: z.core.ParsePayload) => typeof (payload.value as { confirmNewPassword?: unknown }).confirmNewPassword === "string" && (payload.value as { confirmNewPassword: string }).confirmNewPassword !== "",
  },
];

/** Changing one's own password on /account: the current one proves it is them, the new one is typed twice. */
export const changePasswordSchema = newPasswordTwice
  .extend({ currentPassword: z.string({ error: CURRENT_PASSWORD }).min(1, CURRENT_PASSWORD).max(1000, validationMessage("check.passwordTooLong", { max: "1000" })) })
  .refine(...samePasswordTwice);

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/** One's own language on /account. */
export const languageSchema = z.object({ language: languageField });

export type LanguageInput = z.output<typeof languageSchema>;

/** Asking for a password reset link on /password-reset. */
export const passwordResetRequestSchema = z.object({
  email: requiredText("email", 320, "enter.yourEmail").refine((value) => z.email().safeParse(value.trim()).success, validationMessage("enter.emailFormat")),
});

export type PasswordResetRequestInput = z.output<typeof passwordResetRequestSchema>;

/** Choosing a new password through a reset link: the link's token proves it is them. */
export const passwordResetSchema = newPasswordTwice.extend({ token: z.string().max(100) }).refine(...samePasswordTwice);

export type PasswordResetInput = z.output<typeof passwordResetSchema>;

/** A reset link that no longer works, and a request for one refused by the throttle (lib/auth/password-reset.ts). */
export const RESET_LINK_USED = validationMessage("check.resetLinkUsed");
export const RESET_THROTTLED = validationMessage("check.resetThrottled");
