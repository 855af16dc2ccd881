"use client";

// Call-in's forms (docs/decisions/023-call-in.md): "Urgent (exempt from call-in)" on "Record the
// decision", "Call in", scrutiny's outcome, the answer to a referral, the bank-holiday list and an
// admin's "Scrutiny member". Each works without JavaScript (a plain form post).
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { CheckboxGroup, HiddenField, RadioGroup, TextArea, TextField } from "@/components/form/fields";
import { bankHolidaySchema, callInSchema, referralAnswerSchema, removeBankHolidaySchema, SCRUTINY_OUTCOMES, scrutinyMemberSchema, scrutinyOutcomeSchema } from "@/lib/domain/validation/call-in";
import type { FormAction } from "@/lib/web/action-result";

/** Inside "Record the decision": urgent, exempt from a call-in period, with the reason its notice shows. */
export function UrgentFields() {
  const t = useTranslations("callIn.urgent");
  return (
    <>
      <CheckboxGroup name="urgent" label={t("legend")} hint={t("hint")} options={[{ value: "yes", label: t("label") }]} />
      <TextArea name="urgencyReason" label={t("reason")} hint={t("reasonHint")} rows={2} />
    </>
  );
}

export function CallInForm({ action, proposalId }: { action: FormAction; proposalId: string }) {
  const t = useTranslations("callIn.callInForm");
  return (
    <ActionForm action={action} schema={callInSchema} idPrefix="call-in-" defaultValues={{ proposalId }} fieldOrder={["reason"]} submitLabel={t("button")} aria-label={t("label")}>
      <HiddenField name="proposalId" value={proposalId} />
      <TextArea name="reason" label={t("reason")} hint={t("reasonHint")} rows={3} />
    </ActionForm>
  );
}

export function ScrutinyOutcomeForm({ action, proposalId }: { action: FormAction; proposalId: string }) {
  const t = useTranslations("callIn.outcomeForm");
  return (
    <ActionForm action={action} schema={scrutinyOutcomeSchema} idPrefix="outcome-" defaultValues={{ proposalId }} fieldOrder={["outcome", "reason", "reference"]} submitLabel={t("button")} aria-label={t("label")}>
      <HiddenField name="proposalId" value={proposalId} />
      <RadioGroup name="outcome" label={t("outcome")} options={SCRUTINY_OUTCOMES.map((outcome) => ({ value: outcome, label: t(outcome) }))} />
      <TextArea name="reason" label={t("reason")} rows={3} />
      <TextField name="reference" label={t("reference")} hint={t("referenceHint")} />
    </ActionForm>
  );
}

/** Referred back (the decision-maker) or to full council (recorded like a meeting's resolution). */
export function ReferralAnswerForm({ action, proposalId, fullCouncil }: { action: FormAction; proposalId: string; fullCouncil: boolean }) {
  const t = useTranslations("callIn.referralForm");
  return (
    <ActionForm
      action={action}
      schema={referralAnswerSchema}
      idPrefix="referral-"
      defaultValues={{ proposalId }}
      fieldOrder={["answer", ...(fullCouncil ? ["meetingName", "meetingDate", "minuteReference"] : ["reference"]), "reason"]}
      submitLabel={t("button")}
      aria-label={t("label")}
    >
      <HiddenField name="proposalId" value={proposalId} />
      <RadioGroup
        name="answer"
        label={t("answer")}
        options={[
          { value: "confirm", label: t("confirm") },
          { value: "withdraw", label: t("withdraw") },
        ]}
      />
      {fullCouncil ? (
        <>
          <TextField name="meetingName" label={t("meetingName")} hint={t("meetingNameHint")} />
          <TextField name="meetingDate" label={t("meetingDate")} type="date" />
          <TextField name="minuteReference" label={t("minuteReference")} />
        </>
      ) : (
        <TextField name="reference" label={t("reference")} />
      )}
      <TextArea name="reason" label={t("reason")} rows={3} />
    </ActionForm>
  );
}

export function BankHolidayForm({ action }: { action: FormAction }) {
  const t = useTranslations("callIn.bankHolidays");
  return (
    <ActionForm action={action} schema={bankHolidaySchema} idPrefix="bank-holiday-" fieldOrder={["date", "name"]} submitLabel={t("addButton")} aria-label={t("add")}>
      <TextField name="date" label={t("date")} type="date" />
      <TextField name="name" label={t("name")} />
    </ActionForm>
  );
}

export function RemoveBankHolidayForm({ action, date, label }: { action: FormAction; date: string; label: string }) {
  const t = useTranslations("callIn.bankHolidays");
  return (
    <ActionForm action={action} schema={removeBankHolidaySchema} idPrefix={`remove-${date}-`} defaultValues={{ date }} submitLabel={t("remove")} submitClassName="button-secondary" aria-label={label}>
      <HiddenField name="date" value={date} />
    </ActionForm>
  );
}

export function ScrutinyMemberForm({ action, userId, member }: { action: FormAction; userId: string; member: boolean }) {
  const t = useTranslations("callIn.scrutiny");
  return (
    <ActionForm action={action} schema={scrutinyMemberSchema} idPrefix="scrutiny-" defaultValues={{ userId, scrutinyMember: String(member) }} fieldOrder={["scrutinyMember"]} submitLabel={t("button")} aria-label={t("label")}>
      <HiddenField name="userId" value={userId} />
      <RadioGroup
        name="scrutinyMember"
        label={t("label")}
        hint={t("hint")}
        options={[
          { value: "true", label: t("yes") },
          { value: "false", label: t("no") },
        ]}
      />
    </ActionForm>
  );
}
