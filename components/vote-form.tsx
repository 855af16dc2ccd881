"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextArea, TextField } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { voteFieldsSchema } from "@/lib/domain/validation/agreement";

/** Approve or reject one proposal, with a reason (required to reject) and a reference. */
export function VoteForm({ action, proposalId, label }: { action: FormAction; proposalId: string; label: string }) {
  const t = useTranslations("agreementForms.vote");
  return (
    <ActionForm
      action={action}
      schema={voteFieldsSchema}
      idPrefix={`p-${proposalId}-`}
      defaultValues={{ proposalId }}
      fieldOrder={["decision", "reason", "reference"]}
      aria-label={label}
      submitButtons={[
        { name: "decision", value: "approve", label: t("approve") },
        { name: "decision", value: "reject", label: t("reject"), className: "button-danger" },
      ]}
    >
      <HiddenField name="proposalId" value={proposalId} />
      <TextArea name="reason" label={t("reason")} hint={t("reasonHint")} rows={3} />
      <TextField name="reference" label={t("reference")} hint={t("referenceHint")} />
    </ActionForm>
  );
}
