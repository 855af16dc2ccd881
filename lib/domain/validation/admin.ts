import { z } from "zod";
import { DECISION_ROUTES } from "@/lib/domain/decision-routes";
import { Role } from "@/generated/prisma/enums";
import { isSecurityContact } from "@/lib/domain/security-txt";
import { isCountryCode } from "@/lib/domain/countries";
import { TWO_STEP_REQUIREMENTS } from "@/lib/domain/two-step";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { STAFF_LOCALES } from "@/lib/i18n/locales";
import { enumField, optionalDate, optionalText, optionalWikidataId, requiredText } from "./fields";
import { validationMessage, type FieldLabel, type ValidationKey } from "./messages";

const roles = Object.values(Role) as [Role, ...Role[]];

/**
 * A password being set (by an admin, by its owner on /account, or through a reset link): the length
 * rule of lib/auth/password-policy.ts, checked in the browser too. The operation that sets it also
 * refuses a guessable one on the server (lib/auth/password-strength.ts: its dictionaries are
 * megabytes, kept out of the browser).
 */
export function newPasswordField(missing: ValidationKey = "enter.password") {
  return z
    .string({ error: validationMessage(missing) })
    .min(MIN_PASSWORD_LENGTH, validationMessage("check.passwordTooShort", { min: String(MIN_PASSWORD_LENGTH) }))
    .max(200, validationMessage("check.passwordTooLong", { max: "200" }));
}

const password = newPasswordField();

const email = requiredText("email", 320, "enter.emailAddress")
  .transform((value) => value.toLowerCase())
  .refine((value) => z.email().safeParse(value).success, validationMessage("enter.emailFormat"));

const USER_NOT_FOUND = validationMessage("notFound.user");
const userId = z.uuid({ error: USER_NOT_FOUND });

export const createUserSchema = z.object({
  name: requiredText("name", 120, "enter.personName"),
  email,
  role: enumField("choose.role", roles),
  password,
});

export const changeRoleSchema = z.object({ userId, role: enumField("choose.role", roles) });

export const setActiveSchema = z.object({ userId, active: z.enum(["true", "false"], { error: validationMessage("rule.outOfDate") }).transform((value) => value === "true") });

/** A user's own language (on /account, or set by an admin): a language the staff pages are offered in. */
export const languageField = z.enum(STAFF_LOCALES, { error: validationMessage("choose.staffLanguage") });

export const userLanguageSchema = z.object({ userId, language: languageField });

export const unlockSignInSchema = z.object({ userId });

export const resetTwoStepSchema = z.object({ userId });

export const removeSsoLinkSchema = z.object({ userId });

/** Erasing a person's data: the confirmation step posts only whom. */
export const eraseUserSchema = z.object({ userId });

export const resetPasswordSchema = z.object({ userId, newPassword: password });

/** A whole number from a form field, between `min` and `max`, with messages that name the field. */
function wholeNumber(label: FieldLabel, min: number, max: number) {
  const between = validationMessage("rule.between", { label, min: String(min), max: String(max) });
  return z.coerce
    .number({ error: validationMessage("rule.notNumber", { label }) })
    .int(validationMessage("rule.notWholeNumber", { label }))
    .min(min, between)
    .max(max, between);
}

/** The longest call-in period a council may set, in working days. */
export const MAX_CALL_IN_DAYS = 30;

/** The most approvals a council may ask for. */
export const MAX_APPROVALS_NEEDED = 9;

// The quorum's messages, for every count a quorum of 1 to 9 allows (built here: the set is finite).
const ABOVE_COUNCILLORS = Array.from({ length: MAX_APPROVALS_NEEDED }, (_, count) => validationMessage("check.approvalsAboveCouncillors", { count: String(count) }));
const QUORUM_REFUSALS = Array.from({ length: MAX_APPROVALS_NEEDED + 1 }, (_, needed) =>
  Array.from({ length: needed }, (_, remaining) => validationMessage("refused.quorum", { remaining: String(remaining), needed: String(needed) })),
);

/** "Approvals needed cannot be more than the 2 active councillors" (`count` is below the approvals needed). */
export function approvalsAboveCouncillorsMessage(count: number): string {
  return ABOVE_COUNCILLORS[count] ?? validationMessage("check.approvalsAboveCouncillors", { count: String(count) });
}

/** "Only 1 active councillor would remain, fewer than the 2 approvals needed: lower …" (`remaining` < `needed`). */
export function quorumRefusalMessage(remaining: number, needed: number): string {
  return QUORUM_REFUSALS[needed]?.[remaining] ?? validationMessage("refused.quorum", { remaining: String(remaining), needed: String(needed) });
}

export const settingsSchema = z.object({
  councilName: requiredText("councilName", 120, "enter.councilName"),
  approvalsNeeded: wholeNumber("approvalsNeeded", 1, MAX_APPROVALS_NEEDED),
  dormancyMonths: wholeNumber("dormancyMonths", 1, 240),
  openDataLicence: requiredText("openDataLicence", 200, "enter.openDataLicence"),
  reminderDays: wholeNumber("reminderDays", 1, 90),
  twoStepRequiredFor: enumField("choose.twoStepRequiredFor", TWO_STEP_REQUIREMENTS),
  // A pair of radio buttons: "false" (password or council account), "true" (council account only).
  // Not sent (a script that predates it): left as it is.
  ssoOnlyForStaff: enumField("choose.ssoOnlyForStaff", ["false", "true"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
  // The retention schedule (lib/jobs/retention.ts). Not sent (a script that predates it): left as it is.
  auditAddressMonths: wholeNumber("auditAddressMonths", 1, 120).optional(),
  sentEmailDays: wholeNumber("sentEmailDays", 1, 3650).optional(),
  participantsMonths: wholeNumber("participantsMonths", 1, 120).optional(),
  failedSignInDays: wholeNumber("failedSignInDays", 1, 365).optional(),
  contactsMonths: wholeNumber("contactsMonths", 1, 120).optional(),
  photosMonths: wholeNumber("photosMonths", 1, 120).optional(),
  // /.well-known/security.txt; empty: none published.
  securityContact: optionalText("securityContact", 200)
    .refine((value) => value === undefined || isSecurityContact(value), validationMessage("check.securityContact"))
    .transform((value) => value ?? null),
  // Published in /.well-known/twinning.json and the twinning-link feeds; empty: none.
  wikidataId: optionalWikidataId("councilWikidataId").transform((value) => value ?? null),
  councilCountry: optionalText("councilCountry", 2)
    .transform((value) => value?.toUpperCase())
    .refine((value) => value === undefined || isCountryCode(value), validationMessage("check.councilCountry"))
    .transform((value) => value ?? null),
  // Not sent (a script that predates it): left as it is.
  defaultDecisionRoute: enumField("choose.defaultDecisionRoute", DECISION_ROUTES).optional(),
  // Call-in (docs/decisions/023-call-in.md). Not sent (a script that predates it): left as it is.
  callInDays: wholeNumber("callInDays", 0, MAX_CALL_IN_DAYS).optional(),
  // Checkboxes (the action lists it in arrayFields: a form with none ticked sends an empty list).
  callInRoutes: z
    .array(enumField("choose.callInRoutes", DECISION_ROUTES), { error: validationMessage("choose.callInRoutes") })
    .optional()
    .transform((routes) => (routes === undefined ? undefined : [...new Set(routes)])),
  callInsNeeded: wholeNumber("callInsNeeded", 1, MAX_APPROVALS_NEEDED).optional(),
});

/** "Officers and councillors sign in only with the council account" switched on where single sign-on is not configured. */
export const SSO_NOT_CONFIGURED = validationMessage("check.ssoNotConfigured");

export const auditFilterSchema = z.object({
  user: z.uuid().optional().catch(undefined),
  action: optionalText("auditAction", 100).catch(undefined),
  from: optionalDate("auditFrom").catch(undefined),
  to: optionalDate("auditTo").catch(undefined),
});

export type CreateUserInput = z.output<typeof createUserSchema>;
export type SettingsInput = z.output<typeof settingsSchema>;
