"use client";

import type { NotificationKind } from "@/lib/domain/enums";
import { ActionForm } from "@/components/form/action-form";
import { CheckboxGroup } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { NOTIFICATION_KIND_INFO } from "@/lib/notifications/kinds";
import { preferencesSchema } from "@/lib/notifications/preferences-schema";

/** Ticked kinds are sent; a plain form without JavaScript works the same way. */
export function NotificationPreferencesForm({ action, kinds, enabled }: { action: FormAction; kinds: NotificationKind[]; enabled: NotificationKind[] }) {
  const options = kinds.map((kind) => ({ value: kind, label: `${NOTIFICATION_KIND_INFO[kind].label} – ${NOTIFICATION_KIND_INFO[kind].description}` }));
  return (
    <ActionForm action={action} schema={preferencesSchema} defaultValues={{ enabled }} fieldOrder={["enabled"]} submitLabel="Save email preferences" aria-label="Email preferences">
      <CheckboxGroup name="enabled" label="Email me about" hint="Untick a kind of email to stop receiving it." options={options} />
    </ActionForm>
  );
}
