"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, RadioGroup, SelectField, TextArea, TextField } from "@/components/form/fields";
import { acceptAnswerSchema, contactSchema, personEmailSchema, removeContactSchema, requestConfirmationSchema, withdrawConfirmationSchema } from "@/lib/domain/validation/contacts";
import { LANGUAGE_NAMES, LOCALES } from "@/lib/i18n/locales";
import type { FormAction } from "@/lib/web/action-result";

export type ContactValues = { id: string; name: string; organisation: string; role: string; email: string | null; phone: string; preferredLanguage: string; notes: string };

/** "Add a contact", or editing one (`contact` given). */
export function ContactForm({ action, agreementId, contact, cancelHref }: { action: FormAction; agreementId: string; contact?: ContactValues; cancelHref: string }) {
  const t = useTranslations("contacts");
  return (
    <ActionForm
      action={action}
      schema={contactSchema}
      idPrefix="contact-"
      defaultValues={{ agreementId, contactId: contact?.id ?? "", preferredLanguage: contact?.preferredLanguage ?? "en" }}
      initialText={contact ? { name: contact.name, organisation: contact.organisation, role: contact.role, email: contact.email ?? "", phone: contact.phone, contactNotes: contact.notes } : {}}
      fieldOrder={["name", "organisation", "role", "email", "phone", "preferredLanguage", "contactNotes"]}
      submitLabel={t("save")}
      secondary={
        <Link href={cancelHref} className="button-secondary">
          {t("cancel")}
        </Link>
      }
      aria-label={contact ? t("editFormLabel") : t("formLabel")}
    >
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="contactId" value={contact?.id ?? ""} />
      <TextField name="name" label={t("name")} autoComplete="off" />
      <TextField name="organisation" label={t("organisation")} hint={t("organisationHint")} autoComplete="off" />
      <TextField name="role" label={t("role")} autoComplete="off" />
      <TextField name="email" label={t("email")} type="email" autoComplete="off" />
      <TextField name="phone" label={t("phone")} autoComplete="off" />
      <SelectField name="preferredLanguage" label={t("preferredLanguage")} hint={t("preferredLanguageHint")} options={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] }))} />
      <TextArea name="contactNotes" label={t("notes")} rows={3} />
    </ActionForm>
  );
}

/** "Remove" beside a contact: one button, its own form. */
export function RemoveContactForm({ action, agreementId, contactId, name }: { action: FormAction; agreementId: string; contactId: string; name: string }) {
  const t = useTranslations("contacts");
  return (
    <ActionForm action={action} schema={removeContactSchema} idPrefix={`remove-${contactId}-`} defaultValues={{ agreementId, contactId }} submitLabel={t("remove")} submitClassName="button-danger" aria-label={t("removeContact", { name })}>
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="contactId" value={contactId} />
    </ActionForm>
  );
}

/** "Request confirmation from partner": which contact (with an email) receives the link. */
export function RequestConfirmationForm({ action, agreementId, contacts, cancelHref }: { action: FormAction; agreementId: string; contacts: { id: string; label: string }[]; cancelHref: string }) {
  const t = useTranslations("contacts");
  return (
    <ActionForm
      action={action}
      schema={requestConfirmationSchema}
      idPrefix="request-"
      defaultValues={{ agreementId, contactId: contacts.length === 1 ? contacts[0]!.id : "" }}
      fieldOrder={["contactId"]}
      submitLabel={t("send")}
      secondary={
        <Link href={cancelHref} className="button-secondary">
          {t("cancel")}
        </Link>
      }
      aria-label={t("requestFormLabel")}
    >
      <HiddenField name="agreementId" value={agreementId} />
      <RadioGroup name="contactId" label={t("requestContact")} hint={t("requestHint")} options={contacts.map((contact) => ({ value: contact.id, label: contact.label }))} />
    </ActionForm>
  );
}

/** "Accept confirmation" on a partner's confirmation. */
export function AcceptAnswerForm({ action, agreementId, answerId }: { action: FormAction; agreementId: string; answerId: string }) {
  const t = useTranslations("contacts");
  return (
    <ActionForm action={action} schema={acceptAnswerSchema} idPrefix={`accept-${answerId}-`} defaultValues={{ agreementId, answerId }} submitLabel={t("accept")} aria-label={t("accept")}>
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="answerId" value={answerId} />
    </ActionForm>
  );
}

/** "Record confirmation withdrawn", with the reason. */
export function WithdrawConfirmationForm({ action, agreementId, cancelHref }: { action: FormAction; agreementId: string; cancelHref: string }) {
  const t = useTranslations("contacts");
  return (
    <ActionForm
      action={action}
      schema={withdrawConfirmationSchema}
      idPrefix="withdraw-"
      defaultValues={{ agreementId }}
      fieldOrder={["reason"]}
      submitLabel={t("withdrawSubmit")}
      submitClassName="button-danger"
      secondary={
        <Link href={cancelHref} className="button-secondary">
          {t("cancel")}
        </Link>
      }
      aria-label={t("withdrawFormLabel")}
    >
      <HiddenField name="agreementId" value={agreementId} />
      <TextArea name="reason" label={t("withdrawReason")} hint={t("withdrawHint")} />
    </ActionForm>
  );
}

/** "Erase their personal data" for a person found by email on /admin/people: the page is the confirmation step. */
export function ErasePersonForm({ action, email, keepHref }: { action: FormAction; email: string; keepHref: string }) {
  const t = useTranslations("contacts.people");
  return (
    <ActionForm
      action={action}
      schema={personEmailSchema}
      idPrefix="erase-"
      defaultValues={{ email }}
      submitLabel={t("erase")}
      submitClassName="button-danger"
      secondary={
        <Link href={keepHref} className="button-secondary">
          {t("keep")}
        </Link>
      }
      aria-label={t("erase")}
    >
      <HiddenField name="email" value={email} />
    </ActionForm>
  );
}
