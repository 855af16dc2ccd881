"use client";

import { ActionForm } from "@/components/form/action-form";
import { FieldGroup } from "@/components/form/labelled";
import { CheckboxGroup, HiddenField, SelectField, TextArea, TextField, type Option } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { COUNTRIES, NO_COUNTRY, NO_COUNTRY_LABEL } from "@/lib/domain/countries";
import { createAgreementSchema, updateAgreementSchema } from "@/lib/domain/validation/agreement";
import { LOCALITY_KIND_LABELS, optionsOf, RELATIONSHIP_TYPE_LABELS, THEME_LABELS } from "@/lib/domain/labels";

const COUNTRY_OPTIONS: Option[] = [{ value: NO_COUNTRY, label: NO_COUNTRY_LABEL }, ...COUNTRIES.map((country) => ({ value: country.code, label: country.name }))];

export const AGREEMENT_FIELD_ORDER = [
  "partnerId",
  "partnerName",
  "country",
  "region",
  "localityKind",
  "relationshipType",
  "title",
  "linkBegan",
  "formalisedOn",
  "purpose",
  "themes",
  "reviewDate",
  "publicSummary",
  "internalNotes",
  "latitude",
  "longitude",
  "population",
  "website",
  "partnerDecisionDate",
  "partnerDecisionReference",
] as const;

type Props = {
  action: FormAction;
  defaultValues: Record<string, unknown>;
  partners: { id: string; name: string; country: string | null }[];
  edit?: { id: string; version: number };
};

/** The agreement form, for a new draft and for editing one. Labels are part of the product's contract. */
export function AgreementForm({ action, defaultValues, partners, edit }: Props) {
  // Schemas are code, not data: the client component imports its own copy of the server's schema.
  const schema = edit ? updateAgreementSchema : createAgreementSchema;
  return (
    <ActionForm action={action} schema={schema} defaultValues={defaultValues} fieldOrder={AGREEMENT_FIELD_ORDER} submitLabel="Save draft" aria-label="Agreement">
      {edit ? (
        <>
          <HiddenField name="id" value={edit.id} />
          <HiddenField name="version" value={edit.version} />
        </>
      ) : null}
      <FieldGroup legend="The partner">
        {partners.length > 0 ? (
          <SelectField
            name="partnerId"
            label="Existing partner"
            hint="Choose a partner the council already has, or leave this as “A new partner” and describe it below."
            placeholder="A new partner"
            options={partners.map((partner) => ({ value: partner.id, label: partner.country ? `${partner.name} (${partner.country})` : partner.name }))}
          />
        ) : null}
        <TextField name="partnerName" label="Partner name" hint="The locality's own name, e.g. Kraków or Łódź." autoComplete="off" />
        <SelectField name="country" label="Country" placeholder="Choose a country" options={COUNTRY_OPTIONS} />
        <TextField name="region" label="Region" />
        <SelectField name="localityKind" label="Locality type" options={optionsOf(LOCALITY_KIND_LABELS)} />
        <div className="grid max-w-xl grid-cols-2 gap-4">
          <TextField name="latitude" label="Latitude" hint="Decimal degrees, e.g. 54.3233" inputMode="decimal" />
          <TextField name="longitude" label="Longitude" hint="Decimal degrees, e.g. 10.1228" inputMode="decimal" />
        </div>
        <TextField name="population" label="Population" inputMode="numeric" />
        <TextField name="website" label="Website" type="url" />
      </FieldGroup>
      <FieldGroup legend="The agreement">
        <SelectField name="relationshipType" label="Relationship type" options={optionsOf(RELATIONSHIP_TYPE_LABELS)} />
        <TextField name="title" label="Title" hint="Optional. Left empty, it is made from the relationship type and the partner's name." />
        <div className="grid max-w-xl grid-cols-2 gap-4">
          <TextField name="linkBegan" label="Link began" type="date" />
          <TextField name="formalisedOn" label="Formalised on" type="date" hint="The charter or formal agreement, if later." />
        </div>
        <TextArea name="purpose" label="Purpose" />
        <CheckboxGroup name="themes" label="Themes" options={optionsOf(THEME_LABELS)} />
        <TextField name="reviewDate" label="Review date" type="date" hint="When the link is next reviewed. Must be in the future." />
        <TextArea name="publicSummary" label="Public summary" hint="Shown on the public partner page once the link is active." />
        <TextArea name="internalNotes" label="Internal notes" hint="Never shown to the public." />
      </FieldGroup>
      <FieldGroup legend={"The partner's own decision"}>
        <p className="hint">A link is two-sided: record the partner&apos;s decision when known.</p>
        <TextField name="partnerDecisionDate" label="Partner decision date" type="date" />
        <TextField name="partnerDecisionReference" label="Partner decision reference" hint="E.g. the partner council's minute number." />
      </FieldGroup>
    </ActionForm>
  );
}
