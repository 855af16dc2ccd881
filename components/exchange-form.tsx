"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { FieldGroup } from "@/components/form/labelled";
import { HiddenField, SelectField, TextArea, TextField, type Option } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { labelsIn, optionsOf } from "@/lib/domain/labels";
import { usePageLocale } from "@/lib/i18n/navigation";
import { createExchangeSchema, EXCHANGE_FIELD_ORDER, updateExchangeSchema } from "@/lib/domain/validation/exchange";

type Props = {
  action: FormAction;
  defaultValues: Record<string, unknown>;
  /** Agreements the exchange may be logged under, labelled (see agreementOptions). */
  agreements: Option[];
  currencies: Option[];
  edit?: { id: string; updatedAt: string };
};

/** Log or edit an exchange. Every label names its field; the same schema checks it here and on the server. */
export function ExchangeForm({ action, defaultValues, agreements, currencies, edit }: Props) {
  // Schemas are code, not data: the client component imports its own copy of the server's schema.
  const schema = edit ? updateExchangeSchema : createExchangeSchema;
  const t = useTranslations("activityForm.exchange");
  const labels = labelsIn(usePageLocale());
  return (
    <ActionForm action={action} schema={schema} defaultValues={defaultValues} fieldOrder={EXCHANGE_FIELD_ORDER} submitLabel={t("submit")} aria-label={t("formLabel")}>
      {edit ? (
        <>
          <HiddenField name="id" value={edit.id} />
          <HiddenField name="updatedAt" value={edit.updatedAt} />
        </>
      ) : null}
      <FieldGroup legend={t("whatHappened")}>
        <SelectField
          name="agreementId"
          label={t("agreement")}
          hint={t("agreementHint")}
          placeholder={t("agreementPlaceholder")}
          options={agreements}
        />
        <SelectField name="kind" label={t("kind")} placeholder={t("kindPlaceholder")} options={optionsOf(labels.exchangeKind)} />
        <SelectField
          name="direction"
          label={t("direction")}
          hint={t("directionHint")}
          placeholder={t("directionPlaceholder")}
          options={optionsOf(labels.direction)}
        />
        <div className="grid max-w-xl grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField name="startDate" label={t("startDate")} type="date" />
          <TextField name="endDate" label={t("endDate")} type="date" hint={t("endDateHint")} />
        </div>
      </FieldGroup>
      <FieldGroup legend={t("whoTookPart")}>
        <TextField name="participantCount" label={t("participantCount")} inputMode="numeric" className="max-w-xs" />
        <TextField name="participantsDescription" label={t("whoTookPart")} hint={t("participantsHint")} />
      </FieldGroup>
      <FieldGroup legend={t("costAndFunding")}>
        <div className="grid max-w-xl grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField name="cost" label={t("cost")} hint={t("costHint")} inputMode="decimal" />
          <SelectField name="currency" label={t("currency")} options={currencies} />
        </div>
        <SelectField name="fundingSource" label={t("fundingSource")} placeholder={t("notRecorded")} options={optionsOf(labels.fundingSource)} />
        <TextArea name="purpose" label={t("purpose")} hint={t("purposeHint")} rows={2} />
      </FieldGroup>
      <FieldGroup legend={t("outcomesAndVisibility")}>
        <TextArea name="outcomes" label={t("outcomes")} hint={t("outcomesHint")} />
        <SelectField name="visibility" label={t("visibility")} hint={t("visibilityHint")} options={optionsOf(labels.visibility)} />
      </FieldGroup>
    </ActionForm>
  );
}
