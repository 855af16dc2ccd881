"use client";

import { ActionForm } from "@/components/form/action-form";
import { HiddenField } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { checkFeedNowSchema, confirmFeedMatchSchema } from "@/lib/domain/validation/partner-feed";

// The buttons' words come from the agreement page (messages/agreements, a server-side namespace).

/** "Confirm this is us": the name the feed lists, confirmed as our council. */
export function ConfirmFeedMatchForm({ action, agreementId, matchedName, label }: { action: FormAction; agreementId: string; matchedName: string; label: string }) {
  return (
    <ActionForm action={action} schema={confirmFeedMatchSchema} defaultValues={{ agreementId, matchedName }} submitLabel={label} aria-label={label}>
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="matchedName" value={matchedName} />
    </ActionForm>
  );
}

/** "Check the feed now". */
export function CheckFeedNowForm({ action, agreementId, label }: { action: FormAction; agreementId: string; label: string }) {
  return (
    <ActionForm action={action} schema={checkFeedNowSchema} defaultValues={{ agreementId }} submitLabel={label} submitClassName="button-secondary" aria-label={label}>
      <HiddenField name="agreementId" value={agreementId} />
    </ActionForm>
  );
}
