import { languageName, textDirection } from "@/lib/domain/language-tags";
import { LANGUAGE_TAGS } from "@/lib/i18n/locales";
import { usePageLocale } from "@/lib/i18n/navigation";

/**
 * Text in the partner's own language (its name, the term for the link): `lang` names the
 * language, `dir` its direction, so Arabic or Hebrew reads right to left inside an English line.
 */
export function ForeignText({ text, language }: { text: string; language: string }) {
  return (
    <span lang={language} dir={textDirection(language) === "rtl" ? "rtl" : "auto"}>
      {text}
    </span>
  );
}

/** The partner's name in its own language beside the English one, e.g. "Köln (German)". */
export function LocalName({ name, language, className }: { name: string; language: string; className?: string }) {
  const locale = usePageLocale();
  return (
    <p className={className} data-testid="local-name">
      <ForeignText text={name} language={language} /> <span className="text-base text-slate-700">({languageName(language, LANGUAGE_TAGS[locale])})</span>
    </p>
  );
}
