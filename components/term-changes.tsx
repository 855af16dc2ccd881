import { useTranslations } from "next-intl";
import type { RelationshipType, Theme } from "@/lib/domain/enums";
import { formatDate } from "@/lib/domain/format";
import { labelsIn } from "@/lib/domain/labels";
import { AMENDABLE_TERMS, type FieldChanges, type RecordedValue, type Term } from "@/lib/domain/term-changes";
import { usePageLocale } from "@/lib/i18n/navigation";

/**
 * An amendment's changes as rows of a <dl>: each changed term, its value before → after, in the
 * page's language (an approval card, a decision in the timeline).
 */
export function TermChangeRows({ changes }: { changes: FieldChanges<Term> }) {
  const field = useTranslations("agreementForms.agreement");
  const t = useTranslations("agreements.timeline");
  const locale = usePageLocale();
  const labels = labelsIn(locale);
  const shown = (term: Term, value: RecordedValue): string => {
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return t("emptyValue");
    switch (term) {
      case "relationshipType":
        return labels.relationshipType[value as RelationshipType] ?? String(value);
      case "themes":
        return (value as Theme[]).map((theme) => labels.theme[theme] ?? theme).join(", ");
      case "formalisedOn":
        return formatDate(new Date(`${String(value)}T00:00:00.000Z`), locale) || String(value);
      default:
        return String(value);
    }
  };
  return AMENDABLE_TERMS.filter((term) => changes[term]).map((term) => {
    const change = changes[term]!;
    return (
      <div key={term} className="contents" data-term={term}>
        <dt className="font-semibold">{field(term)}</dt>
        <dd className="whitespace-pre-line">
          <del className="text-slate-700">{shown(term, change.from)}</del> → <ins className="no-underline font-semibold">{shown(term, change.to)}</ins>
        </dd>
      </div>
    );
  });
}
