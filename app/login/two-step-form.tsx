"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextField } from "@/components/form/fields";
import { twoStepSignInSchema } from "@/lib/domain/validation/two-step";
import { z } from "zod";
import { cancelTwoStepSignInAction, twoStepSignInAction } from "./actions";

const cancelSchema = z.object({ callbackUrl: z.string().optional() });

/** The second step of signing in: the code from the authenticator app, or a recovery code. */
export function TwoStepSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.twoStep");
  return (
    <>
      <ActionForm action={twoStepSignInAction} schema={twoStepSignInSchema} idPrefix="two-step-" fieldOrder={["code"]} submitLabel={t("submit")} defaultValues={{ callbackUrl }} aria-label={t("formLabel")}>
        <TextField name="code" label={t("code")} hint={t("codeHint")} autoComplete="one-time-code" />
        <HiddenField name="callbackUrl" value={callbackUrl} />
      </ActionForm>
      <div className="mt-6">
        <ActionForm action={cancelTwoStepSignInAction} schema={cancelSchema} idPrefix="two-step-cancel-" submitLabel={t("cancel")} submitClassName="button-secondary" defaultValues={{ callbackUrl }} aria-label={t("cancel")}>
          <HiddenField name="callbackUrl" value={callbackUrl} />
        </ActionForm>
      </div>
    </>
  );
}
