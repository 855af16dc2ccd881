"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { ActionForm } from "@/components/form/action-form";
import { FieldGroup } from "@/components/form/labelled";
import { HiddenField, SelectField, TextArea, TextField, type Option } from "@/components/form/fields";
import { correctionSchema } from "@/lib/domain/validation/agreement";
import type { ActionResult } from "@/lib/web/action-result";

const FIELD_ORDER = ["website", "region", "population", "latitude", "longitude", "wikidataId", "feedUrl", "leadOfficerId", "internalNotes"] as const;

/** "Correct details": what is not a term of an Active or Suspended link, saved at once. */
export function CorrectionForm({
  action,
  agreementId,
  version,
  current,
  officers,
  cancelHref,
}: {
  action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
  agreementId: string;
  version: number;
  current: Record<(typeof FIELD_ORDER)[number], string>;
  officers: readonly Option[];
  cancelHref: string;
}) {
  const t = useTranslations("agreementForms");
  return (
    <ActionForm
      action={action}
      schema={correctionSchema}
      defaultValues={{ agreementId, version, leadOfficerId: current.leadOfficerId }}
      initialText={{ website: current.website, region: current.region, population: current.population, latitude: current.latitude, longitude: current.longitude, wikidataId: current.wikidataId, feedUrl: current.feedUrl, internalNotes: current.internalNotes }}
      fieldOrder={FIELD_ORDER}
      submitLabel={t("correction.submit")}
      secondary={
        <Link href={cancelHref} className="button-secondary">
          {t("command.cancel")}
        </Link>
      }
      aria-label={t("commands.correctDetails")}
    >
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="version" value={version} />
      <FieldGroup legend={t("agreement.partnerLegend")}>
        <p className="hint">{t("correction.partnerHint")}</p>
        <TextField name="website" label={t("agreement.website")} type="url" />
        <TextField name="region" label={t("agreement.region")} />
        <TextField name="population" label={t("agreement.population")} inputMode="numeric" />
        <div className="grid max-w-xl grid-cols-2 gap-4">
          <TextField name="latitude" label={t("agreement.latitude")} hint={t("agreement.latitudeHint")} inputMode="decimal" />
          <TextField name="longitude" label={t("agreement.longitude")} hint={t("agreement.longitudeHint")} inputMode="decimal" />
        </div>
        <TextField name="wikidataId" label={t("agreement.wikidataId")} hint={t("agreement.wikidataIdHint")} autoComplete="off" />
        <TextField name="feedUrl" label={t("agreement.feedUrl")} hint={t("agreement.feedUrlHint")} type="url" autoComplete="off" />
      </FieldGroup>
      <FieldGroup legend={t("agreement.agreementLegend")}>
        <SelectField name="leadOfficerId" label={t("correction.leadOfficer")} placeholder={t("correction.noLeadOfficer")} options={officers} />
        <TextArea name="internalNotes" label={t("agreement.internalNotes")} hint={t("agreement.internalNotesHint")} />
      </FieldGroup>
    </ActionForm>
  );
}
