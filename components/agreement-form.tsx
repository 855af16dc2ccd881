"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { FieldGroup } from "@/components/form/labelled";
import { CheckboxGroup, HiddenField, SelectField, TextArea, TextField, type Option } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { COUNTRIES, NO_COUNTRY } from "@/lib/domain/countries";
import { createAgreementSchema, updateAgreementSchema } from "@/lib/domain/validation/agreement";
import { labelsIn, optionsOf } from "@/lib/domain/labels";
import { usePageLocale } from "@/lib/i18n/navigation";

const ENGLISH_COUNTRIES: Option[] = COUNTRIES.map((country) => ({ value: country.code, label: country.name }));

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
  "localName",
  "localNameLanguage",
  "wikidataId",
  "feedUrl",
  "partnerDecisionDate",
  "partnerDecisionReference",
] as const;

type Props = {
  action: FormAction;
  defaultValues: Record<string, unknown>;
  partners: { id: string; name: string; country: string | null }[];
  edit?: { id: string; version: number };
  /** The countries named and sorted in the page's language (the server names them); English when left out. */
  countries?: Option[];
};

/** The agreement form, for a new draft and for editing one. Labels are part of the product's contract. */
export function AgreementForm({ action, defaultValues, partners, edit, countries = ENGLISH_COUNTRIES }: Props) {
  const t = useTranslations("agreementForms.agreement");
  const labels = labelsIn(usePageLocale());
  // Schemas are code, not data: the client component imports its own copy of the server's schema.
  const schema = edit ? updateAgreementSchema : createAgreementSchema;
  return (
    <ActionForm action={action} schema={schema} defaultValues={defaultValues} fieldOrder={AGREEMENT_FIELD_ORDER} submitLabel={t("save")} aria-label={t("formLabel")}>
      {edit ? (
        <>
          <HiddenField name="id" value={edit.id} />
          <HiddenField name="version" value={edit.version} />
        </>
      ) : null}
      <FieldGroup legend={t("partnerLegend")}>
        {partners.length > 0 ? (
          <SelectField
            name="partnerId"
            label={t("existingPartner")}
            hint={t("existingPartnerHint")}
            placeholder={t("newPartner")}
            options={partners.map((partner) => ({ value: partner.id, label: partner.country ? `${partner.name} (${partner.country})` : partner.name }))}
          />
        ) : null}
        <TextField name="partnerName" label={t("partnerName")} hint={t("partnerNameHint")} autoComplete="off" />
        <SelectField name="country" label={t("country")} placeholder={t("chooseCountry")} options={[{ value: NO_COUNTRY, label: t("noCountry") }, ...countries]} />
        <TextField name="region" label={t("region")} />
        <SelectField name="localityKind" label={t("localityKind")} options={optionsOf(labels.localityKind)} />
        <div className="grid max-w-xl grid-cols-2 gap-4">
          <TextField name="latitude" label={t("latitude")} hint={t("latitudeHint")} inputMode="decimal" />
          <TextField name="longitude" label={t("longitude")} hint={t("longitudeHint")} inputMode="decimal" />
        </div>
        <TextField name="population" label={t("population")} inputMode="numeric" />
        <TextField name="website" label={t("website")} type="url" />
        <TextField name="localName" label={t("localName")} hint={t("localNameHint")} autoComplete="off" />
        <TextField name="localNameLanguage" label={t("localNameLanguage")} hint={t("localNameLanguageHint")} autoComplete="off" />
        <TextField name="wikidataId" label={t("wikidataId")} hint={t("wikidataIdHint")} autoComplete="off" />
        <TextField name="feedUrl" label={t("feedUrl")} hint={t("feedUrlHint")} type="url" autoComplete="off" />
      </FieldGroup>
      <FieldGroup legend={t("agreementLegend")}>
        <SelectField name="relationshipType" label={t("relationshipType")} options={optionsOf(labels.relationshipType)} />
        <TextField name="title" label={t("title")} hint={t("titleHint")} />
        <div className="grid max-w-xl grid-cols-2 gap-4">
          <TextField name="linkBegan" label={t("linkBegan")} type="date" />
          <TextField name="formalisedOn" label={t("formalisedOn")} type="date" hint={t("formalisedOnHint")} />
        </div>
        <TextArea name="purpose" label={t("purpose")} />
        <CheckboxGroup name="themes" label={t("themes")} options={optionsOf(labels.theme)} />
        <TextField name="reviewDate" label={t("reviewDate")} type="date" hint={t("reviewDateHint")} />
        <TextArea name="publicSummary" label={t("publicSummary")} hint={t("publicSummaryHint")} />
        <TextArea name="internalNotes" label={t("internalNotes")} hint={t("internalNotesHint")} />
      </FieldGroup>
      <FieldGroup legend={t("partnerDecisionLegend")}>
        <p className="hint">{t("partnerDecisionNote")}</p>
        <TextField name="partnerDecisionDate" label={t("partnerDecisionDate")} type="date" />
        <TextField name="partnerDecisionReference" label={t("partnerDecisionReference")} hint={t("partnerDecisionReferenceHint")} />
      </FieldGroup>
    </ActionForm>
  );
}
