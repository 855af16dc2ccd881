"use client";

import { TWO_STEP_REQUIREMENTS } from "@/lib/domain/two-step";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { Link } from "@/components/link";
import { CheckboxGroup, HiddenField, RadioGroup, SelectField, TextField } from "@/components/form/fields";
import { DECISION_ROUTES } from "@/lib/domain/decision-routes";
import { DecisionRouteChoice } from "@/components/decision-route-fields";
import { LANGUAGE_NAMES, LANGUAGE_TAGS, STAFF_LOCALES } from "@/lib/i18n/locales";
import type { FormAction } from "@/lib/web/action-result";
import {
  changeRoleSchema,
  createUserSchema,
  eraseUserSchema,
  removeSsoLinkSchema,
  resetPasswordSchema,
  resetTwoStepSchema,
  setActiveSchema,
  settingsSchema,
  unlockSignInSchema,
  userLanguageSchema,
} from "@/lib/domain/validation/admin";

const ROLES = ["STAFF", "COUNCILLOR", "ADMIN"] as const;

/** The roles to choose from, in the page's language. */
function useRoleOptions() {
  const t = useTranslations("adminForms.roles");
  return ROLES.map((role) => ({ value: role, label: t(role) }));
}

export function CreateUserForm({ action }: { action: FormAction }) {
  const t = useTranslations("adminForms.create");
  const roles = useRoleOptions();
  return (
    <ActionForm action={action} schema={createUserSchema} defaultValues={{ role: "STAFF" }} fieldOrder={["name", "email", "role", "password"]} submitLabel={t("submit")} aria-label={t("formLabel")}>
      <TextField name="name" label={t("name")} autoComplete="off" />
      <TextField name="email" label={t("email")} type="email" autoComplete="off" />
      <SelectField name="role" label={t("role")} options={roles} />
      <TextField name="password" label={t("password")} type="password" autoComplete="new-password" hint={t("passwordHint")} />
    </ActionForm>
  );
}

export function ChangeRoleForm({ action, userId, role }: { action: FormAction; userId: string; role: string }) {
  const t = useTranslations("adminForms.role");
  const roles = useRoleOptions();
  return (
    <ActionForm action={action} schema={changeRoleSchema} defaultValues={{ userId, role }} fieldOrder={["role"]} submitLabel={t("submit")} aria-label={t("formLabel")}>
      <HiddenField name="userId" value={userId} />
      <SelectField name="role" label={t("label")} options={roles} />
    </ActionForm>
  );
}

export function SetActiveForm({ action, userId, active }: { action: FormAction; userId: string; active: boolean }) {
  const t = useTranslations("adminForms.active");
  return (
    <ActionForm
      action={action}
      schema={setActiveSchema}
      defaultValues={{ userId, active: String(!active) }}
      submitLabel={active ? t("deactivate") : t("reactivate")}
      submitClassName={active ? "button-danger" : "button"}
      aria-label={active ? t("deactivate") : t("reactivate")}
    >
      <HiddenField name="userId" value={userId} />
      <HiddenField name="active" value={String(!active)} />
    </ActionForm>
  );
}

export function UnlockSignInForm({ action, userId }: { action: FormAction; userId: string }) {
  const t = useTranslations("adminForms.unlock");
  return (
    <ActionForm action={action} schema={unlockSignInSchema} defaultValues={{ userId }} submitLabel={t("submit")} aria-label={t("submit")}>
      <HiddenField name="userId" value={userId} />
    </ActionForm>
  );
}

export function ResetTwoStepForm({ action, userId }: { action: FormAction; userId: string }) {
  const t = useTranslations("adminForms.twoStepReset");
  return (
    <ActionForm action={action} schema={resetTwoStepSchema} defaultValues={{ userId }} submitLabel={t("submit")} aria-label={t("submit")}>
      <HiddenField name="userId" value={userId} />
    </ActionForm>
  );
}

/** The confirmation step of erasing a person's data: a plain form (it works without JavaScript) and a way back. */
export function EraseUserForm({ action, userId, keepHref }: { action: FormAction; userId: string; keepHref: string }) {
  const t = useTranslations("adminForms.erase");
  return (
    <ActionForm
      action={action}
      schema={eraseUserSchema}
      defaultValues={{ userId }}
      submitLabel={t("submit")}
      submitClassName="button-danger"
      secondary={
        <Link href={keepHref} className="button-secondary">
          {t("keep")}
        </Link>
      }
      aria-label={t("submit")}
    >
      <HiddenField name="userId" value={userId} />
    </ActionForm>
  );
}

/** The confirmation step of "Remove the council sign-in link" (the page's GET button opens it): "Confirm removal" or "Cancel". */
export function RemoveSsoLinkForm({ action, userId, cancelHref }: { action: FormAction; userId: string; cancelHref: string }) {
  const t = useTranslations("adminForms.ssoLink");
  return (
    <ActionForm
      action={action}
      schema={removeSsoLinkSchema}
      defaultValues={{ userId }}
      submitLabel={t("submit")}
      submitClassName="button-danger"
      aria-label={t("formLabel")}
      secondary={
        <Link href={cancelHref} className="button-secondary">
          {t("cancel")}
        </Link>
      }
    >
      <HiddenField name="userId" value={userId} />
    </ActionForm>
  );
}

export function ResetPasswordForm({ action, userId }: { action: FormAction; userId: string }) {
  const t = useTranslations("adminForms.reset");
  return (
    <ActionForm action={action} schema={resetPasswordSchema} defaultValues={{ userId }} fieldOrder={["newPassword"]} submitLabel={t("submit")} aria-label={t("formLabel")}>
      <HiddenField name="userId" value={userId} />
      <TextField name="newPassword" label={t("label")} type="password" autoComplete="new-password" hint={t("hint")} />
    </ActionForm>
  );
}

/** A user's own language, set by an admin: each language named in itself. */
export function UserLanguageForm({ action, userId, language }: { action: FormAction; userId: string; language: string }) {
  const t = useTranslations("adminForms.language");
  const options = STAFF_LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale], lang: LANGUAGE_TAGS[locale] }));
  return (
    <ActionForm action={action} schema={userLanguageSchema} idPrefix="user-language-" defaultValues={{ userId, language }} fieldOrder={["language"]} submitLabel={t("submit")} aria-label={t("formLabel")}>
      <HiddenField name="userId" value={userId} />
      <RadioGroup name="language" label={t("label")} hint={t("hint")} options={options} />
    </ActionForm>
  );
}

/** Call-in (docs/decisions/023-call-in.md): the period, the routes it covers, and how many call-ins it takes. */
function CallInSettings() {
  const t = useTranslations("adminForms.settings");
  const routes = useTranslations("decisions.route");
  return (
    <>
      <h2>{t("callInHeading")}</h2>
      <p className="max-w-2xl">{t("callInIntro")}</p>
      <TextField name="callInDays" label={t("callInDays")} type="number" inputMode="numeric" hint={t("callInDaysHint")} />
      <CheckboxGroup name="callInRoutes" label={t("callInRoutes")} hint={t("callInRoutesHint")} options={DECISION_ROUTES.map((route) => ({ value: route, label: routes(route) }))} />
      <TextField name="callInsNeeded" label={t("callInsNeeded")} type="number" inputMode="numeric" hint={t("callInsNeededHint")} />
    </>
  );
}

export function SettingsForm({ action, values }: { action: FormAction; values: Record<string, unknown> }) {
  const t = useTranslations("adminForms.settings");
  return (
    <ActionForm
      action={action}
      schema={settingsSchema}
      defaultValues={values}
      fieldOrder={[
        ...["councilName", "approvalsNeeded", "dormancyMonths", "reminderDays", "openDataLicence", "twoStepRequiredFor", "ssoOnlyForStaff"],
        ...["auditAddressMonths", "sentEmailDays", "participantsMonths", "failedSignInDays", "contactsMonths", "photosMonths", "securityContact", "wikidataId", "councilCountry"],
        "defaultDecisionRoute",
        ...["callInDays", "callInRoutes", "callInsNeeded"],
      ]}
      submitLabel={t("submit")}
      aria-label={t("formLabel")}
    >
      <TextField name="councilName" label={t("councilName")} />
      <TextField name="approvalsNeeded" label={t("approvalsNeeded")} type="number" inputMode="numeric" hint={t("approvalsNeededHint")} />
      <TextField name="dormancyMonths" label={t("dormancyMonths")} type="number" inputMode="numeric" hint={t("dormancyMonthsHint")} />
      <TextField name="reminderDays" label={t("reminderDays")} type="number" inputMode="numeric" hint={t("reminderDaysHint")} />
      <TextField name="openDataLicence" label={t("openDataLicence")} />
      <RadioGroup
        name="twoStepRequiredFor"
        label={t("twoStepRequiredFor")}
        hint={t("twoStepRequiredForHint")}
        options={TWO_STEP_REQUIREMENTS.map((value) => ({ value, label: t(`twoStepRequirement.${value}`) }))}
      />
      <RadioGroup
        name="ssoOnlyForStaff"
        label={t("ssoOnlyForStaff")}
        hint={t("ssoOnlyForStaffHint")}
        options={[
          { value: "false", label: t("staffSignIn.false") },
          { value: "true", label: t("staffSignIn.true") },
        ]}
      />
      <h2>{t("retentionHeading")}</h2>
      <p className="max-w-2xl">{t("retentionIntro")}</p>
      <TextField name="auditAddressMonths" label={t("auditAddressMonths")} type="number" inputMode="numeric" hint={t("auditAddressMonthsHint")} />
      <TextField name="sentEmailDays" label={t("sentEmailDays")} type="number" inputMode="numeric" hint={t("sentEmailDaysHint")} />
      <TextField name="participantsMonths" label={t("participantsMonths")} type="number" inputMode="numeric" hint={t("participantsMonthsHint")} />
      <TextField name="failedSignInDays" label={t("failedSignInDays")} type="number" inputMode="numeric" hint={t("failedSignInDaysHint")} />
      <TextField name="contactsMonths" label={t("contactsMonths")} type="number" inputMode="numeric" hint={t("contactsMonthsHint")} />
      <TextField name="photosMonths" label={t("photosMonths")} type="number" inputMode="numeric" hint={t("photosMonthsHint")} />
      <TextField name="securityContact" label={t("securityContact")} hint={t("securityContactHint")} autoComplete="off" />
      <TextField name="wikidataId" label={t("wikidataId")} hint={t("wikidataIdHint")} autoComplete="off" />
      <TextField name="councilCountry" label={t("councilCountry")} hint={t("councilCountryHint")} autoComplete="off" />
      <DecisionRouteChoice name="defaultDecisionRoute" />
      <CallInSettings />
    </ActionForm>
  );
}
