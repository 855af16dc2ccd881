import { z } from "zod";
import { languageField, newPasswordField } from "./admin";
import { validationMessage } from "./messages";

const CURRENT_PASSWORD = validationMessage("enter.currentPassword");
const CONFIRM = validationMessage("enter.confirmNewPassword");

/** Changing one's own password on /account: the current one proves it is them, the new one is typed twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: CURRENT_PASSWORD }).min(1, CURRENT_PASSWORD).max(1000, validationMessage("check.passwordTooLong", { max: "1000" })),
    newPassword: newPasswordField("enter.newPassword"),
    confirmNewPassword: z.string({ error: CONFIRM }).min(1, CONFIRM),
  })
  .refine((input) => input.newPassword === input.confirmNewPassword, {
    path: ["confirmNewPassword"],
    message: validationMessage("check.passwordsDiffer"),
    when: (payload) => typeof (payload.value as { confirmNewPassword?: unknown }).confirmNewPassword === "string" && (payload.value as { confirmNewPassword: string }).confirmNewPassword !== "",
  });

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/** One's own language on /account. */
export const languageSchema = z.object({ language: languageField });

export type LanguageInput = z.output<typeof languageSchema>;
