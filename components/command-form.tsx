"use client";

import Link from "next/link";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextArea, TextField } from "@/components/form/fields";
import type { ActionResult } from "@/lib/web/action-result";
import { COMMAND_RULES, type Command } from "@/lib/domain/lifecycle";
import { commandSchema } from "@/lib/domain/validation/agreement";

const REASON_HINT: Record<Command, string> = {
  submit: "Why this partner, and why now. Councillors read this before they decide.",
  withdraw: "Optional: why the draft is no longer going ahead.",
  proposeSuspension: "The internal reason, for councillors and the record.",
  proposeReinstatement: "The internal reason, for councillors and the record.",
  proposeTermination: "The internal reason, for councillors and the record.",
};

/** Asks for the reasons and the record of decision behind a status command. */
export function CommandForm({ action, command, agreementId, version, cancelHref }: { action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>; command: Command; agreementId: string; version: number; cancelHref: string }) {
  const rule = COMMAND_RULES[command];
  const isProposal = "proposal" in rule.effect;
  return (
    <ActionForm
      action={action}
      schema={commandSchema}
      defaultValues={{ agreementId, version, command }}
      fieldOrder={["reason", "publicReason", "reference", "alternativesConsidered", "conflictsOfInterest", "backgroundPapers"]}
      submitLabel={rule.label}
      submitClassName={command === "withdraw" || command === "proposeTermination" ? "button-danger" : "button"}
      secondary={
        <Link href={cancelHref} className="button-secondary">
          Cancel
        </Link>
      }
      aria-label={rule.label}
    >
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="version" value={version} />
      <HiddenField name="command" value={command} />
      <TextArea name="reason" label="Reason" hint={REASON_HINT[command]} required={rule.reason === "required"} />
      {rule.publicReason !== "none" ? <TextArea name="publicReason" label="Public reason" hint="Shown on the public partner page and in the open data. Write it for residents." rows={3} required={rule.publicReason === "required"} /> : null}
      <TextField name="reference" label="Decision reference" hint="Optional, e.g. a committee minute “Cabinet 2022/45”." />
      {isProposal ? (
        <>
          <TextArea name="alternativesConsidered" label="Alternatives considered" hint="Optional: options considered and rejected." rows={3} />
          <TextArea name="conflictsOfInterest" label="Conflicts of interest declared" hint="Optional." rows={2} />
          <TextArea name="backgroundPapers" label="Background papers" hint="Optional: titles or links, one per line." rows={2} />
        </>
      ) : null}
    </ActionForm>
  );
}
