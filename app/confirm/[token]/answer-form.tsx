"use client";

import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextField } from "@/components/form/fields";
import { partnerAnswerSchema } from "@/lib/domain/validation/contacts";
import { answerConfirmationAction } from "./actions";

/** The partner's answer: "Your reference" and one of two buttons. Its words come from the page, in the page's language (en, cy, de, fr). */
export function AnswerForm({ token, words }: { token: string; words: { formLabel: string; reference: string; referenceHint: string; confirm: string; decline: string } }) {
  return (
    <ActionForm
      action={answerConfirmationAction}
      schema={partnerAnswerSchema.omit({ answer: true })}
      defaultValues={{ token }}
      fieldOrder={["reference", "answer"]}
      submitButtons={[
        { name: "answer", value: "CONFIRMED", label: words.confirm },
        { name: "answer", value: "DECLINED", label: words.decline, className: "button-secondary" },
      ]}
      aria-label={words.formLabel}
    >
      <HiddenField name="token" value={token} />
      <TextField name="reference" label={words.reference} hint={words.referenceHint} autoComplete="off" />
    </ActionForm>
  );
}
