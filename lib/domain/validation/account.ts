import { z } from "zod";
import { languageField, newPasswordField } from "./admin";

/** Changing one's own password on /account: the current one proves it is them, the new one is typed twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1000, "Password must be 1000 characters or fewer"),
    newPassword: newPasswordField("Enter a new password"),
    confirmNewPassword: z.string({ error: "Confirm your new password" }).min(1, "Confirm your new password"),
  })
  .refine((input) => input.newPassword === input.confirmNewPassword, {
    path: ["confirmNewPassword"],
    message: "The new passwords do not match: type the same new password twice",
    when: (payload) => typeof (payload.value as { confirmNewPassword?: unknown }).confirmNewPassword === "string" && (payload.value as { confirmNewPassword: string }).confirmNewPassword !== "",
  });

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/** One's own language on /account. */
export const languageSchema = z.object({ language: languageField });

export type LanguageInput = z.output<typeof languageSchema>;
