"use client";

import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextArea, TextField } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { voteFieldsSchema } from "@/lib/domain/validation/agreement";

/** Approve or reject one proposal, with a reason (required to reject) and a reference. */
export function VoteForm({ action, proposalId, label }: { action: FormAction; proposalId: string; label: string }) {
  return (
    <ActionForm
      action={action}
      schema={voteFieldsSchema}
      idPrefix={`p-${proposalId}-`}
      defaultValues={{ proposalId }}
      fieldOrder={["decision", "reason", "reference"]}
      aria-label={label}
      submitButtons={[
        { name: "decision", value: "approve", label: "Approve" },
        { name: "decision", value: "reject", label: "Reject", className: "button-danger" },
      ]}
    >
      <HiddenField name="proposalId" value={proposalId} />
      <TextArea name="reason" label="Reason" hint="Required to reject; optional to approve." rows={3} />
      <TextField name="reference" label="Decision reference" hint="Optional, e.g. “Cabinet 2024/12”." />
    </ActionForm>
  );
}
