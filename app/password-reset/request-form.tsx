"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { passwordResetRequestSchema } from "@/lib/domain/validation/account";
import { requestPasswordResetAction } from "./actions";

export function PasswordResetRequestForm() {
  const t = useTranslations("auth");
  return (
    <ActionForm action={requestPasswordResetAction} schema={passwordResetRequestSchema} fieldOrder={["email"]} submitLabel={t("reset.submit")}>
      <TextField name="email" label={t("email")} type="email" autoComplete="username" />
    </ActionForm>
  );
}
