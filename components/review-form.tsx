"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, RadioGroup, TextArea, TextField } from "@/components/form/fields";
import { REVIEW_OUTCOMES } from "@/lib/domain/lifecycle";
import { reviewSchema } from "@/lib/domain/validation/agreement";
import type { ActionResult } from "@/lib/web/action-result";

/** "Record a review": what the review concluded, and when the link is reviewed next. */
export function ReviewForm({ action, agreementId, version, cancelHref }: { action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>; agreementId: string; version: number; cancelHref: string }) {
  const t = useTranslations("agreementForms");
  const label = t("commands.recordReview");
  return (
    <ActionForm
      action={action}
      schema={reviewSchema}
      defaultValues={{ agreementId, version }}
      fieldOrder={["outcome", "reviewNotes", "nextReviewDate"]}
      submitLabel={t("review.submit")}
      secondary={
        <Link href={cancelHref} className="button-secondary">
          {t("command.cancel")}
        </Link>
      }
      aria-label={label}
    >
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="version" value={version} />
      <RadioGroup name="outcome" label={t("review.outcome")} options={REVIEW_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`review.outcomes.${outcome}`) }))} />
      <TextArea name="reviewNotes" label={t("review.notes")} hint={t("review.notesHint")} />
      <TextField name="nextReviewDate" label={t("review.nextReviewDate")} hint={t("review.nextReviewDateHint")} type="date" />
    </ActionForm>
  );
}
