"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { changePasswordSchema } from "@/lib/domain/validation/account";
import type { FormAction } from "@/lib/web/action-result";

/** The passwords are never filled in again: the server does not echo them (lib/web/safe-action.ts). */
export function ChangePasswordForm({ action }: { action: FormAction }) {
  const t = useTranslations("account.password");
  return (
    <ActionForm action={action} schema={changePasswordSchema} idPrefix="change-password-" fieldOrder={["currentPassword", "newPassword", "confirmNewPassword"]} submitLabel={t("submit")} aria-label={t("formLabel")}>
      <TextField name="currentPassword" label={t("current")} type="password" autoComplete="current-password" />
      <TextField name="newPassword" label={t("new")} type="password" autoComplete="new-password" hint={t("newHint", { min: MIN_PASSWORD_LENGTH })} />
      <TextField name="confirmNewPassword" label={t("confirm")} type="password" autoComplete="new-password" />
    </ActionForm>
  );
}
