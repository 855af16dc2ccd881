"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextArea, TextField } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { voteSchema } from "@/lib/domain/validation/agreement";

export type VoteDecision = "approve" | "reject";

/**
 * The first step of a vote: "Approve" or "Reject" opens the card's confirmation step
 * (?confirm=<proposal>&decision=…). A plain GET form, so it works without JavaScript; nothing is
 * recorded yet, and no reason travels in the address.
 */
export function VoteChoice({ proposalId, anchor, label }: { proposalId: string; anchor: string; label: string }) {
  const t = useTranslations("agreementForms.vote");
  return (
    <form method="get" action={`#${anchor}`} aria-label={label} className="flex flex-wrap gap-3">
      <input type="hidden" name="confirm" value={proposalId} />
      <button type="submit" name="decision" value="approve" className="button">
        {t("approve")}
      </button>
      <button type="submit" name="decision" value="reject" className="button-danger">
        {t("reject")}
      </button>
    </form>
  );
}

/** The second step: the reason (required to reject) and a reference, then "Confirm approval" or "Confirm rejection". */
export function VoteForm({ action, proposalId, decision, label, cancelHref }: { action: FormAction; proposalId: string; decision: VoteDecision; label: string; cancelHref: string }) {
  const t = useTranslations("agreementForms.vote");
  return (
    <>
      <p className="font-semibold">{decision === "approve" ? t("confirmApproveIntro") : t("confirmRejectIntro")}</p>
      <ActionForm
        action={action}
        schema={voteSchema}
        idPrefix={`p-${proposalId}-`}
        defaultValues={{ proposalId, decision }}
        fieldOrder={["decision", "reason", "reference"]}
        aria-label={label}
        submitLabel={decision === "approve" ? t("confirmApprove") : t("confirmReject")}
        submitClassName={decision === "approve" ? "button" : "button-danger"}
        secondary={
          <Link href={cancelHref} className="button-secondary">
            {t("cancel")}
          </Link>
        }
      >
        <HiddenField name="proposalId" value={proposalId} />
        <HiddenField name="decision" value={decision} />
        <TextArea name="reason" label={t("reason")} hint={decision === "approve" ? t("reasonHintApprove") : t("reasonHintReject")} rows={3} />
        <TextField name="reference" label={t("reference")} hint={t("referenceHint")} />
      </ActionForm>
    </>
  );
}
