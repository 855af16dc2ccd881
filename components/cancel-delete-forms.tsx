"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextArea } from "@/components/form/fields";
import { cancelEventSchema, deleteEventSchema } from "@/lib/domain/validation/event";
import { deleteExchangeSchema } from "@/lib/domain/validation/exchange";
import type { FormAction } from "@/lib/web/action-result";

/** "Cancel event": the reason (required, for staff) and an optional public reason. */
export function CancelEventForm({ action, eventId }: { action: FormAction; eventId: string }) {
  const t = useTranslations("activityForm.cancelEvent");
  return (
    <ActionForm
      action={action}
      schema={cancelEventSchema}
      defaultValues={{ id: eventId }}
      fieldOrder={["reason", "publicReason"]}
      submitLabel={t("submit")}
      submitClassName="button-danger"
      idPrefix="cancel-"
      aria-label={t("submit")}
    >
      <HiddenField name="id" value={eventId} />
      <TextArea name="reason" label={t("reason")} hint={t("reasonHint")} rows={3} />
      <TextArea name="publicReason" label={t("publicReason")} hint={t("publicReasonHint")} rows={3} />
    </ActionForm>
  );
}

const DELETE_SCHEMAS = { event: deleteEventSchema, exchange: deleteExchangeSchema } as const;

/**
 * The second step of deleting an event or exchange logged in error: the reason, then the delete
 * button, with a way back that keeps it. A plain form: it works without JavaScript.
 */
export function DeleteRecordForm({ action, kind, id, keepHref }: { action: FormAction; kind: "event" | "exchange"; id: string; keepHref: string }) {
  const t = useTranslations(kind === "event" ? "activityForm.deleteEvent" : "activityForm.deleteExchange");
  return (
    <ActionForm
      action={action}
      schema={DELETE_SCHEMAS[kind]}
      defaultValues={{ id }}
      fieldOrder={["reason"]}
      submitLabel={t("submit")}
      submitClassName="button-danger"
      idPrefix="delete-"
      secondary={
        <Link href={keepHref} className="button-secondary">
          {t("keep")}
        </Link>
      }
      aria-label={t("submit")}
    >
      <HiddenField name="id" value={id} />
      <TextArea name="reason" label={t("reason")} hint={t("reasonHint")} rows={3} />
    </ActionForm>
  );
}
