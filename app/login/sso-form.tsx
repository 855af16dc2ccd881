"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField } from "@/components/form/fields";
import { ssoSignInSchema } from "@/lib/domain/validation/auth";
import { ssoSignInAction } from "./actions";

/** "Sign in with your council account": a form post (works without JavaScript) that goes on to the council's provider. */
export function SsoSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.sso");
  return (
    <ActionForm action={ssoSignInAction} schema={ssoSignInSchema} idPrefix="sso-" submitLabel={t("submit")} defaultValues={{ callbackUrl }} aria-label={t("formLabel")}>
      <HiddenField name="callbackUrl" value={callbackUrl} />
    </ActionForm>
  );
}
