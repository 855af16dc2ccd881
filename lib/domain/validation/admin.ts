import { z } from "zod";
import { Role } from "@/generated/prisma/enums";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { STAFF_LOCALES } from "@/lib/i18n/locales";
import { enumField, optionalDate, optionalText, requiredText } from "./fields";

const roles = Object.values(Role) as [Role, ...Role[]];

/** A password being set (by an admin, or by its owner on /account): the length rule of lib/auth/password-policy.ts. */
export function newPasswordField(missing = "Enter a password") {
  return z
    .string({ error: missing })
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200, "Password must be 200 characters or fewer");
}

const password = newPasswordField();

const email = requiredText("Email", 320, "Enter an email address")
  .transform((value) => value.toLowerCase())
  .refine((value) => z.email().safeParse(value).success, "Enter an email address in the correct format, like name@example.org");

export const createUserSchema = z.object({
  name: requiredText("Name", 120, "Enter the person's name"),
  email,
  role: enumField("a role", roles),
  password,
});

export const changeRoleSchema = z.object({ userId: z.uuid({ error: "The user was not found" }), role: enumField("a role", roles) });

export const setActiveSchema = z.object({ userId: z.uuid({ error: "The user was not found" }), active: z.enum(["true", "false"]).transform((value) => value === "true") });

/** A user's own language (on /account, or set by an admin): a language the staff pages are offered in. */
export const languageField = z.enum(STAFF_LOCALES, { error: "Choose English or Cymraeg" });

export const userLanguageSchema = z.object({ userId: z.uuid({ error: "The user was not found" }), language: languageField });

export const unlockSignInSchema = z.object({ userId: z.uuid({ error: "The user was not found" }) });

export const resetPasswordSchema = z.object({ userId: z.uuid({ error: "The user was not found" }), newPassword: password });

export const settingsSchema = z.object({
  councilName: requiredText("Council name", 120, "Enter the council's name"),
  approvalsNeeded: z.coerce
    .number({ error: "Approvals needed must be a number" })
    .int("Approvals needed must be a whole number")
    .min(1, "Approvals needed must be between 1 and 9")
    .max(9, "Approvals needed must be between 1 and 9"),
  dormancyMonths: z.coerce
    .number({ error: "Dormancy months must be a number" })
    .int("Dormancy months must be a whole number")
    .min(1, "Dormancy months must be between 1 and 240")
    .max(240, "Dormancy months must be between 1 and 240"),
  openDataLicence: requiredText("Open data licence", 200, "Enter the open data licence"),
  reminderDays: z.coerce
    .number({ error: "Reminder after days must be a number" })
    .int("Reminder after days must be a whole number")
    .min(1, "Reminder after days must be between 1 and 90")
    .max(90, "Reminder after days must be between 1 and 90"),
});

export const auditFilterSchema = z.object({
  user: z.uuid().optional().catch(undefined),
  action: optionalText("Action", 100).catch(undefined),
  from: optionalDate("From").catch(undefined),
  to: optionalDate("To").catch(undefined),
});

export type CreateUserInput = z.output<typeof createUserSchema>;
export type SettingsInput = z.output<typeof settingsSchema>;
