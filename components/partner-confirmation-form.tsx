"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextArea, TextField } from "@/components/form/fields";
import { confirmationSchema } from "@/lib/domain/validation/agreement";
import type { ActionResult } from "@/lib/web/action-result";

/**
 * "Record partner confirmation": the partner council's own decision on the link, its date or its
 * reference or both, filled in with what is recorded so far (a new record corrects it).
 */
export function PartnerConfirmationForm({
  action,
  agreementId,
  version,
  current,
  cancelHref,
}: {
  action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
  agreementId: string;
  version: number;
  current: { partnerDecisionDate: string; partnerDecisionReference: string };
  cancelHref: string;
}) {
  const t = useTranslations("agreementForms");
  return (
    <ActionForm
      action={action}
      schema={confirmationSchema}
      defaultValues={{ agreementId, version, ...current }}
      fieldOrder={["partnerDecisionDate", "partnerDecisionReference", "confirmationNote"]}
      submitLabel={t("confirmation.submit")}
      secondary={
        <Link href={cancelHref} className="button-secondary">
          {t("command.cancel")}
        </Link>
      }
      aria-label={t("commands.recordConfirmation")}
    >
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="version" value={version} />
      <p className="hint">{t("confirmation.intro")}</p>
      <TextField name="partnerDecisionDate" label={t("agreement.partnerDecisionDate")} hint={t("confirmation.dateHint")} type="date" />
      <TextField name="partnerDecisionReference" label={t("agreement.partnerDecisionReference")} hint={t("agreement.partnerDecisionReferenceHint")} />
      <TextArea name="confirmationNote" label={t("confirmation.note")} hint={t("confirmation.noteHint")} />
    </ActionForm>
  );
}
