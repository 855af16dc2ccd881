import { useTranslations } from "next-intl";
import type { ShownText } from "@/lib/domain/public-translations";

/**
 * A public text in the page's language, or the English standing in for a missing translation:
 * then lang="en" (a screen reader switches voice) and marked "Not yet translated".
 */
export function TranslatedText({ shown }: { shown: ShownText }) {
  const t = useTranslations("common");
  if (!shown.untranslated) return <>{shown.text}</>;
  return (
    <>
      <span lang="en">{shown.text}</span>{" "}
      <span className="ml-1 inline-block rounded border border-slate-600 px-1.5 text-sm font-normal whitespace-nowrap text-slate-700" data-testid="not-yet-translated">
        {t("notYetTranslated")}
      </span>
    </>
  );
}
