"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { RadioGroup } from "@/components/form/fields";
import { LANGUAGE_NAMES, LANGUAGE_TAGS, STAFF_LOCALES, type StaffLocale } from "@/lib/i18n/locales";
import { languageSchema } from "@/lib/domain/validation/account";
import type { FormAction } from "@/lib/web/action-result";

/** One's own language on /account: each named in itself ("English", "Cymraeg"). Saving lands on /account in that language. */
export function LanguageForm({ action, language }: { action: FormAction; language: StaffLocale }) {
  const t = useTranslations("account.language");
  const options = STAFF_LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale], lang: LANGUAGE_TAGS[locale] }));
  return (
    <ActionForm action={action} schema={languageSchema} idPrefix="language-" defaultValues={{ language }} fieldOrder={["language"]} submitLabel={t("submit")} aria-label={t("formLabel")}>
      <RadioGroup name="language" label={t("label")} hint={t("hint")} options={options} />
    </ActionForm>
  );
}
