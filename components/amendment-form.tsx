"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { previousText, type PreviousProposal } from "@/components/command-form";
import { ActionForm } from "@/components/form/action-form";
import { FieldGroup } from "@/components/form/labelled";
import { CheckboxGroup, HiddenField, SelectField, TextArea, TextField } from "@/components/form/fields";
import { AMENDMENT_COMMAND } from "@/lib/domain/lifecycle";
import { labelsIn, optionsOf } from "@/lib/domain/labels";
import type { Terms } from "@/lib/domain/term-changes";
import { amendmentSchema } from "@/lib/domain/validation/agreement";
import { DecisionRouteFields, ROUTE_FIELD_ORDER, type RouteChoices } from "@/components/decision-route-fields";
import { usePageLocale } from "@/lib/i18n/navigation";
import type { ActionResult } from "@/lib/web/action-result";

const FIELD_ORDER = ["relationshipType", "title", "formalisedOn", "purpose", "themes", "publicSummary", "reason", "reference", ...ROUTE_FIELD_ORDER, "alternativesConsidered", "conflictsOfInterest", "backgroundPapers"] as const;

/**
 * "Propose amendment": the terms as they are now, to change, and the reasons councillors read.
 * Nothing changes until they approve it. After a rejection, `terms` and `previous` are those of the
 * rejected proposal (lib/domain/term-changes.ts resubmittedTerms), as for the status commands.
 */
export function AmendmentForm({
  action,
  agreementId,
  version,
  terms,
  previous,
  cancelHref,
  routes,
}: {
  action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
  agreementId: string;
  version: number;
  terms: Terms;
  previous?: PreviousProposal;
  cancelHref: string;
  /** How the amendment may be decided. */
  routes: RouteChoices;
}) {
  const t = useTranslations("agreementForms");
  const labels = labelsIn(usePageLocale());
  const label = t("commands.proposeAmendment");
  return (
    <ActionForm
      action={action}
      schema={amendmentSchema}
      defaultValues={{ agreementId, version, command: AMENDMENT_COMMAND, relationshipType: terms.relationshipType, themes: terms.themes, formalisedOn: terms.formalisedOn?.toISOString().slice(0, 10) ?? "" }}
      initialText={{ decisionRoute: routes.defaultRoute, title: terms.title, purpose: terms.purpose, publicSummary: terms.publicSummary, ...(previous && previousText(previous)) }}
      fieldOrder={FIELD_ORDER}
      submitLabel={label}
      secondary={
        <Link href={cancelHref} className="button-secondary">
          {t("command.cancel")}
        </Link>
      }
      aria-label={label}
    >
      <p className="hint">{t("amendment.intro")}</p>
      {previous ? <p className="hint">{t("command.fromRejected")}</p> : null}
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="version" value={version} />
      <HiddenField name="command" value={AMENDMENT_COMMAND} />
      <FieldGroup legend={t("amendment.termsLegend")}>
        <SelectField name="relationshipType" label={t("agreement.relationshipType")} options={optionsOf(labels.relationshipType)} />
        <TextField name="title" label={t("agreement.title")} />
        <TextField name="formalisedOn" label={t("agreement.formalisedOn")} type="date" hint={t("agreement.formalisedOnHint")} />
        <TextArea name="purpose" label={t("agreement.purpose")} />
        <CheckboxGroup name="themes" label={t("agreement.themes")} options={optionsOf(labels.theme)} />
        <TextArea name="publicSummary" label={t("agreement.publicSummary")} hint={t("agreement.publicSummaryHint")} />
      </FieldGroup>
      <TextArea name="reason" label={t("command.reason")} hint={t("amendment.reasonHint")} required />
      <TextField name="reference" label={t("command.reference")} hint={t("command.referenceHint")} />
      <DecisionRouteFields councillors={routes.councillors} />
      <TextArea name="alternativesConsidered" label={t("command.alternativesConsidered")} hint={t("command.alternativesConsideredHint")} rows={3} />
      <TextArea name="conflictsOfInterest" label={t("command.conflictsOfInterest")} hint={t("command.conflictsOfInterestHint")} rows={2} />
      <TextArea name="backgroundPapers" label={t("command.backgroundPapers")} hint={t("command.backgroundPapersHint")} rows={2} />
    </ActionForm>
  );
}
