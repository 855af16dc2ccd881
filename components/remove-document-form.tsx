"use client";

import { ActionForm } from "@/components/form/action-form";
import { HiddenField } from "@/components/form/fields";
import { removeDocumentSchema } from "@/lib/domain/validation/document";
import type { FormAction } from "@/lib/web/action-result";

/** "Remove" beside a document: one button, its own form. */
export function RemoveDocumentForm({ action, agreementId, documentId, label, accessibleLabel }: { action: FormAction; agreementId: string; documentId: string; label: string; accessibleLabel: string }) {
  return (
    <ActionForm action={action} schema={removeDocumentSchema} idPrefix={`remove-document-${documentId}-`} defaultValues={{ agreementId, documentId }} submitLabel={label} submitClassName="button-danger" aria-label={accessibleLabel}>
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="documentId" value={documentId} />
    </ActionForm>
  );
}
