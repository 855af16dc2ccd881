"use client";

import { useTranslations } from "next-intl";
import type { NotificationKind } from "@/lib/domain/enums";
import { ActionForm } from "@/components/form/action-form";
import { CheckboxGroup } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { REVIEW_WINDOW_DAYS } from "@/lib/domain/lifecycle";
import { preferencesSchema } from "@/lib/notifications/preferences-schema";

/** Ticked kinds are sent; a plain form without JavaScript works the same way. */
export function NotificationPreferencesForm({ action, kinds, enabled }: { action: FormAction; kinds: NotificationKind[]; enabled: NotificationKind[] }) {
  const t = useTranslations("account");
  const options = kinds.map((kind) => ({ value: kind, label: `${t(`kinds.${kind}.label`)} – ${t(`kinds.${kind}.description`, { days: REVIEW_WINDOW_DAYS })}` }));
  return (
    <ActionForm action={action} schema={preferencesSchema} defaultValues={{ enabled }} fieldOrder={["enabled"]} submitLabel={t("notifications.submit")} aria-label={t("notifications.formLabel")}>
      <CheckboxGroup name="enabled" label={t("notifications.groupLabel")} hint={t("notifications.hint")} options={options} />
    </ActionForm>
  );
}
