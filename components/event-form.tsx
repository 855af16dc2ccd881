"use client";

import { ActionForm } from "@/components/form/action-form";
import { FieldGroup } from "@/components/form/labelled";
import { HiddenField, SelectField, TextArea, TextField, type Option } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { EVENT_KIND_LABELS, optionsOf, VISIBILITY_LABELS } from "@/lib/domain/labels";
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
  return (
    <ActionForm action={action} schema={schema} defaultValues={defaultValues} fieldOrder={EVENT_FIELD_ORDER} submitLabel="Save event" aria-label="Event">
      {edit ? (
        <>
          <HiddenField name="id" value={edit.id} />
          <HiddenField name="updatedAt" value={edit.updatedAt} />
        </>
      ) : null}
      <TextField name="title" label="Title" hint="For example, 80 years of Coventry and Kiel" />
      <SelectField name="kind" label="Kind of event" placeholder="Choose the kind of event" options={optionsOf(EVENT_KIND_LABELS)} />
      <FieldGroup legend="When">
        <div className="grid max-w-xl grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField name="startsAt" label="Start date and time" type="datetime-local" hint="For example, 2027-05-08 19:00" />
          <TextField name="endsAt" label="End date and time" type="datetime-local" hint="Optional" />
        </div>
        <SelectField
          name="timeZone"
          label="Time zone"
          hint="The times above are local times where the event is held."
          options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
        />
      </FieldGroup>
      <TextField name="place" label="Place" hint="For example, Council House, Coventry" />
      <TextArea name="description" label="Description" />
      <SelectField
        name="visibility"
        label="Visibility"
        hint="Public events appear in the public calendar feed and on the partner's public page; internal ones only to staff and councillors."
        options={optionsOf(VISIBILITY_LABELS)}
      />
      <SelectField name="agreementId" label="Agreement" hint="Optional: the partnership this event belongs to." placeholder="None" options={agreements} />
    </ActionForm>
  );
}
