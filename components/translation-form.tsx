"use client";

import { ActionForm } from "@/components/form/action-form";
import { HiddenField, SelectField, TextArea, type Option } from "@/components/form/fields";
import { translationSchema } from "@/lib/domain/validation/agreement";
import type { FormAction } from "@/lib/web/action-result";

type Labels = { language: string; publicSummary: string; publicSummaryHint: string; publicReason: string; publicReasonHint: string; save: string; form: string };

/** One language's public summary and public reason; its words come from the page (messages/content). */
export function TranslationForm({ action, agreementId, values, hasReason, languages, labels }: { action: FormAction; agreementId: string; values: { locale: string; publicSummary: string; publicReason: string }; hasReason: boolean; languages: Option[]; labels: Labels }) {
  return (
    <ActionForm
      action={action}
      schema={translationSchema}
      defaultValues={{ agreementId, ...values }}
      fieldOrder={["locale", "publicSummary", "publicReason"]}
      submitLabel={labels.save}
      idPrefix="translation-"
      aria-label={labels.form}
    >
      <HiddenField name="agreementId" value={agreementId} />
      <SelectField name="locale" label={labels.language} options={languages} />
      <TextArea name="publicSummary" label={labels.publicSummary} hint={labels.publicSummaryHint} rows={4} />
      {hasReason ? <TextArea name="publicReason" label={labels.publicReason} hint={labels.publicReasonHint} rows={3} /> : null}
    </ActionForm>
  );
}
