"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextField } from "@/components/form/fields";
import { signInSchema } from "@/lib/domain/validation/auth";
import { signInAction } from "./actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  return (
    <ActionForm action={signInAction} schema={signInSchema} fieldOrder={["email", "password"]} submitLabel={t("submit")} defaultValues={{ callbackUrl }}>
      <TextField name="email" label={t("email")} type="email" autoComplete="username" />
      <TextField name="password" label={t("password")} type="password" autoComplete="current-password" />
      <HiddenField name="callbackUrl" value={callbackUrl} />
    </ActionForm>
  );
}
