import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { TranslationForm } from "@/components/translation-form";
import { LANGUAGE_NAMES, LANGUAGE_TAGS } from "@/lib/i18n/locales";
import type { AgreementTranslations } from "@/lib/domain/public-translations";
import { CONTENT_LOCALES, type ContentLocale } from "@/lib/domain/validation/agreement";
import type { FormAction } from "@/lib/web/action-result";

/**
 * The staff page's Translations section: the agreement's public text in each language of the
 * public pages, and (for staff who may edit) a form for one language, chosen by ?translation=.
 */
export async function AgreementTranslationsSection({ agreementId, translations, chosen, action }: { agreementId: string; translations: AgreementTranslations; chosen: ContentLocale; action: FormAction | null }) {
  const t = await getTranslations("content.translations");
  const hasReason = translations.publicReason !== null;
  const cell = (text: string | null, lang?: string) => (text ? <span lang={lang} className="whitespace-pre-line">{text}</span> : <span className="text-slate-700">{t("notTranslated")}</span>);
  const current = translations.byLocale[chosen];
  return (
    <section aria-labelledby="translations-heading" id="translations" className="mb-8">
      <h2 id="translations-heading">{t("heading")}</h2>
      <p className="max-w-prose">{t("intro")}</p>
      <div className="max-w-full overflow-x-auto" tabIndex={0}>
        <table className="w-full max-w-4xl border-collapse text-left">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="py-2 pr-4">{t("language")}</th>
              <th scope="col" className="py-2 pr-4">{t("publicSummary")}</th>
              {hasReason ? <th scope="col" className="py-2 pr-4">{t("publicReason")}</th> : null}
              {action ? <th scope="col" className="py-2">{t("action")}</th> : null}
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-slate-300 align-top">
              <th scope="row" className="py-2 pr-4">{t("original")}</th>
              <td className="py-2 pr-4">{translations.publicSummary ? <span lang="en" className="whitespace-pre-line">{translations.publicSummary}</span> : t("none")}</td>
              {hasReason ? <td className="py-2 pr-4"><span lang="en">{translations.publicReason}</span></td> : null}
              {action ? <td className="py-2" /> : null}
            </tr>
            {CONTENT_LOCALES.map((locale) => (
              <tr key={locale} className="border-b border-slate-300 align-top">
                <th scope="row" className="py-2 pr-4" lang={LANGUAGE_TAGS[locale]}>
                  {LANGUAGE_NAMES[locale]}
                </th>
                <td className="py-2 pr-4">{cell(translations.byLocale[locale].publicSummary, LANGUAGE_TAGS[locale])}</td>
                {hasReason ? <td className="py-2 pr-4">{cell(translations.byLocale[locale].publicReason, LANGUAGE_TAGS[locale])}</td> : null}
                {action ? (
                  <td className="py-2">
                    <Link href={`/agreements/${agreementId}?translation=${locale}#translations`}>
                      {t("edit")}
                      <span className="sr-only"> {t("editLanguage", { language: LANGUAGE_NAMES[locale] })}</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {action ? (
        <>
          <h3>{t("formHeading")}</h3>
          <TranslationForm
            key={chosen}
            action={action}
            agreementId={agreementId}
            values={{ locale: chosen, publicSummary: current.publicSummary ?? "", publicReason: current.publicReason ?? "" }}
            hasReason={hasReason}
            languages={CONTENT_LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale], lang: LANGUAGE_TAGS[locale] }))}
            labels={{ language: t("language"), publicSummary: t("publicSummary"), publicSummaryHint: t("publicSummaryHint"), publicReason: t("publicReason"), publicReasonHint: t("publicReasonHint"), save: t("save"), form: t("formHeading") }}
          />
        </>
      ) : null}
    </section>
  );
}
