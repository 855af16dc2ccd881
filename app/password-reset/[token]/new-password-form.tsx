"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextField } from "@/components/form/fields";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { passwordResetSchema } from "@/lib/domain/validation/account";
import { resetPasswordAction } from "../actions";

export function NewPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.reset");
  const tPassword = useTranslations("account.password");
  return (
    <ActionForm action={resetPasswordAction} schema={passwordResetSchema} fieldOrder={["newPassword", "confirmNewPassword"]} submitLabel={t("chooseSubmit")} defaultValues={{ token }}>
      <TextField name="newPassword" label={tPassword("new")} type="password" autoComplete="new-password" hint={t("newPasswordHint", { min: MIN_PASSWORD_LENGTH })} />
      <TextField name="confirmNewPassword" label={tPassword("confirm")} type="password" autoComplete="new-password" />
      <HiddenField name="token" value={token} />
    </ActionForm>
  );
}
