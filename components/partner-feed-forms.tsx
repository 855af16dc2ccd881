"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { checkFeedNowSchema, confirmFeedMatchSchema } from "@/lib/domain/validation/partner-feed";

/** "Confirm this is us": the name the feed lists, confirmed as our council. */
export function ConfirmFeedMatchForm({ action, agreementId, matchedName }: { action: FormAction; agreementId: string; matchedName: string }) {
  const t = useTranslations("agreements.partnerFeed");
  return (
    <ActionForm action={action} schema={confirmFeedMatchSchema} defaultValues={{ agreementId, matchedName }} submitLabel={t("confirm")} aria-label={t("confirm")}>
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="matchedName" value={matchedName} />
    </ActionForm>
  );
}

/** "Check the feed now". */
export function CheckFeedNowForm({ action, agreementId }: { action: FormAction; agreementId: string }) {
  const t = useTranslations("agreements.partnerFeed");
  return (
    <ActionForm action={action} schema={checkFeedNowSchema} defaultValues={{ agreementId }} submitLabel={t("checkNow")} submitClassName="button-secondary" aria-label={t("checkNow")}>
      <HiddenField name="agreementId" value={agreementId} />
    </ActionForm>
  );
}
