"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField } from "@/components/form/fields";
import { reportYearSchema } from "@/lib/domain/validation/report";
import type { FormAction } from "@/lib/web/action-result";

/** "Publish report" on /reports/<year> (admins): plain forms, they work without JavaScript. */
export function PublishReportForm({ action, year }: { action: FormAction; year: number }) {
  const t = useTranslations("annualReport.publication");
  return (
    <ActionForm action={action} schema={reportYearSchema} defaultValues={{ year }} fieldOrder={["year"]} submitLabel={t("publish")} idPrefix="publish-" aria-label={t("publish")}>
      <HiddenField name="year" value={year} />
    </ActionForm>
  );
}

/** "Withdraw": the published copy leaves the public site. */
export function WithdrawReportForm({ action, year }: { action: FormAction; year: number }) {
  const t = useTranslations("annualReport.publication");
  return (
    <ActionForm action={action} schema={reportYearSchema} defaultValues={{ year }} fieldOrder={["year"]} submitLabel={t("withdraw")} submitClassName="button-secondary" idPrefix="withdraw-" aria-label={t("withdraw")}>
      <HiddenField name="year" value={year} />
    </ActionForm>
  );
}
