"use client";

import { ActionForm } from "@/components/form/action-form";
import { HiddenField } from "@/components/form/fields";
import { reportYearSchema } from "@/lib/domain/validation/report";
import type { FormAction } from "@/lib/web/action-result";

// The page passes the button's words: the annual report's messages are not sent to the browser.

/** "Publish report" on /reports/<year> (admins): plain forms, they work without JavaScript. */
export function PublishReportForm({ action, year, label }: { action: FormAction; year: number; label: string }) {
  return (
    <ActionForm action={action} schema={reportYearSchema} defaultValues={{ year }} fieldOrder={["year"]} submitLabel={label} idPrefix="publish-" aria-label={label}>
      <HiddenField name="year" value={year} />
    </ActionForm>
  );
}

/** "Withdraw": the published copy leaves the public site. */
export function WithdrawReportForm({ action, year, label }: { action: FormAction; year: number; label: string }) {
  return (
    <ActionForm action={action} schema={reportYearSchema} defaultValues={{ year }} fieldOrder={["year"]} submitLabel={label} submitClassName="button-secondary" idPrefix="withdraw-" aria-label={label}>
      <HiddenField name="year" value={year} />
    </ActionForm>
  );
}
