"use client";

import { ActionForm } from "@/components/form/action-form";
import { FieldGroup } from "@/components/form/labelled";
import { HiddenField, SelectField, TextArea, TextField, type Option } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { DIRECTION_LABELS, EXCHANGE_KIND_LABELS, FUNDING_SOURCE_LABELS, optionsOf, VISIBILITY_LABELS } from "@/lib/domain/labels";
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
  return (
    <ActionForm action={action} schema={schema} defaultValues={defaultValues} fieldOrder={EXCHANGE_FIELD_ORDER} submitLabel="Save exchange" aria-label="Exchange">
      {edit ? (
        <>
          <HiddenField name="id" value={edit.id} />
          <HiddenField name="updatedAt" value={edit.updatedAt} />
        </>
      ) : null}
      <FieldGroup legend="What happened">
        <SelectField
          name="agreementId"
          label="Agreement"
          hint="Exchanges can be logged only under an active or suspended agreement."
          placeholder="Choose an agreement"
          options={agreements}
        />
        <SelectField name="kind" label="Kind of exchange" placeholder="Choose the kind of exchange" options={optionsOf(EXCHANGE_KIND_LABELS)} />
        <SelectField
          name="direction"
          label="Direction"
          hint="Inbound: visitors came to us. Outbound: we went to them. Joint: together, online or elsewhere."
          placeholder="Choose the direction"
          options={optionsOf(DIRECTION_LABELS)}
        />
        <div className="grid max-w-xl grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField name="startDate" label="Start date" type="date" />
          <TextField name="endDate" label="End date" type="date" hint="Optional, for more than one day" />
        </div>
      </FieldGroup>
      <FieldGroup legend="Who took part">
        <TextField name="participantCount" label="Number of participants" inputMode="numeric" className="max-w-xs" />
        <TextField name="participantsDescription" label="Who took part" hint="A short description, e.g. 24 pupils from Bishop Ullathorne School" />
      </FieldGroup>
      <FieldGroup legend="Cost and funding">
        <div className="grid max-w-xl grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField name="cost" label="Cost" hint="Optional. The total, e.g. 1200.50" inputMode="decimal" />
          <SelectField name="currency" label="Currency" options={currencies} />
        </div>
        <SelectField name="fundingSource" label="Funding source" placeholder="Not recorded" options={optionsOf(FUNDING_SOURCE_LABELS)} />
      </FieldGroup>
      <FieldGroup legend="Outcomes and visibility">
        <TextArea name="outcomes" label="Outcomes" hint="What came of it: agreements made, projects started, lessons learnt." />
        <SelectField name="visibility" label="Visibility" hint="Public exchanges are shown on the partner's public page; internal ones only to staff and councillors." options={optionsOf(VISIBILITY_LABELS)} />
      </FieldGroup>
    </ActionForm>
  );
}
