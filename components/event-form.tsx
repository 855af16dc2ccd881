"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { FieldGroup } from "@/components/form/labelled";
import { HiddenField, SelectField, TextArea, TextField, type Option } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { labelsIn, optionsOf } from "@/lib/domain/labels";
import { usePageLocale } from "@/lib/i18n/navigation";
import { createEventSchema, EVENT_FIELD_ORDER, updateEventSchema } from "@/lib/domain/validation/event";

type Props = {
  action: FormAction;
  defaultValues: Record<string, unknown>;
  /** Agreements the event may be tied to, labelled (see agreementOptions). */
  agreements: Option[];
  /** IANA time zone names, from the server so the page renders the same on both sides. */
  timeZones: string[];
  edit?: { id: string; updatedAt: string };
};

/** Record or edit an event. Times are typed as local times in the chosen zone and stored in UTC. */
export function EventForm({ action, defaultValues, agreements, timeZones, edit }: Props) {
  // Schemas are code, not data: the client component imports its own copy of the server's schema.
  const schema = edit ? updateEventSchema : createEventSchema;
  const t = useTranslations("activityForm.event");
  const labels = labelsIn(usePageLocale());
  return (
    <ActionForm action={action} schema={schema} defaultValues={defaultValues} fieldOrder={EVENT_FIELD_ORDER} submitLabel={t("submit")} aria-label={t("formLabel")}>
      {edit ? (
        <>
          <HiddenField name="id" value={edit.id} />
          <HiddenField name="updatedAt" value={edit.updatedAt} />
        </>
      ) : null}
      <TextField name="title" label={t("title")} hint={t("titleHint")} />
      <SelectField name="kind" label={t("kind")} placeholder={t("kindPlaceholder")} options={optionsOf(labels.eventKind)} />
      <FieldGroup legend={t("when")}>
        <div className="grid max-w-xl grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField name="startsAt" label={t("startsAt")} type="datetime-local" hint={t("startsAtHint")} />
          <TextField name="endsAt" label={t("endsAt")} type="datetime-local" hint={t("optional")} />
        </div>
        <SelectField
          name="timeZone"
          label={t("timeZone")}
          hint={t("timeZoneHint")}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
        />
      </FieldGroup>
      <TextField name="place" label={t("place")} hint={t("placeHint")} />
      <TextArea name="description" label={t("description")} />
      <SelectField
        name="visibility"
        label={t("visibility")}
        hint={t("visibilityHint")}
        options={optionsOf(labels.visibility)}
      />
      <SelectField name="agreementId" label={t("agreement")} hint={t("agreementHint")} placeholder={t("none")} options={agreements} />
    </ActionForm>
  );
}
