"use client";

import { ActionForm } from "@/components/form/action-form";
import { TextArea } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { STATEMENTS_FIELD_ORDER, statementsSchema } from "@/lib/domain/validation/statements";

type Labels = Record<"formLabel" | "submit" | "contactAddress" | "contactAddressHint" | "accessibilityStatement" | "accessibilityStatementHint" | "privacyNotice" | "privacyNoticeHint" | "generated", string>;

/** The council's contact address and its statements; each statement box shows, below it, the generated text published while it is empty. */
export function StatementsForm({ action, values, labels, generated }: { action: FormAction; values: Record<string, string>; labels: Labels; generated: { accessibility: string; privacy: string } }) {
  return (
    <ActionForm action={action} schema={statementsSchema} idPrefix="statements-" defaultValues={values} fieldOrder={STATEMENTS_FIELD_ORDER} submitLabel={labels.submit} aria-label={labels.formLabel}>
      <TextArea name="contactAddress" label={labels.contactAddress} hint={labels.contactAddressHint} rows={3} />
      <TextArea name="accessibilityStatement" label={labels.accessibilityStatement} hint={labels.accessibilityStatementHint} rows={12} />
      <GeneratedText summary={labels.generated} text={generated.accessibility} />
      <TextArea name="privacyNotice" label={labels.privacyNotice} hint={labels.privacyNoticeHint} rows={12} />
      <GeneratedText summary={labels.generated} text={generated.privacy} />
    </ActionForm>
  );
}

function GeneratedText({ summary, text }: { summary: string; text: string }) {
  return (
    <details className="mb-6 max-w-3xl">
      <summary className="cursor-pointer font-semibold">{summary}</summary>
      <div className="mt-2 whitespace-pre-wrap rounded bg-slate-100 p-3 text-sm">{text}</div>
    </details>
  );
}
