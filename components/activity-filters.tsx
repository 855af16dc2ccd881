import { useTranslations } from "next-intl";
import { FilterForm, FilterInput, FilterSelect } from "@/components/filter-form";
import type { Option } from "@/components/form/labelled";
import { labelsIn, optionsOf } from "@/lib/domain/labels";
import { usePageLocale } from "@/lib/i18n/navigation";

export type ActivityFilterValues = {
  q?: string;
  agreement?: string;
  kind?: string;
  from?: string;
  to?: string;
  visibility?: string;
};

/** The filters' values alone (what the address keeps, page by page), from everything the list was asked for. */
export function activityFilterValues(filters: ActivityFilterValues): ActivityFilterValues {
  return {
    q: filters.q,
    agreement: filters.agreement,
    kind: filters.kind,
    from: filters.from,
    to: filters.to,
    visibility: filters.visibility,
  };
}

/** The filters of the exchange and event logs: text, agreement, kind, date range and visibility. */
export function ActivityFilters({
  label,
  basePath,
  values,
  agreements,
  kinds,
  searchLabel,
}: {
  /** The filter form's name ("Filter exchanges"). */
  label: string;
  basePath: string;
  values: ActivityFilterValues;
  agreements: Option[];
  kinds: Option[];
  searchLabel: string;
}) {
  const t = useTranslations("activity.filters");
  const labels = labelsIn(usePageLocale());
  return (
    <FilterForm label={label} clearHref={basePath}>
      <FilterInput name="q" label={searchLabel} value={values.q} className="lg:col-span-2" />
      <FilterSelect name="agreement" label={t("agreement")} value={values.agreement} options={agreements} anyLabel={t("anyAgreement")} className="lg:col-span-2" />
      <FilterSelect name="kind" label={t("kind")} value={values.kind} options={kinds} anyLabel={t("anyKind")} className="lg:col-span-2" />
      <FilterInput name="from" label={t("from")} type="date" value={values.from} />
      <FilterInput name="to" label={t("to")} type="date" value={values.to} />
      <FilterSelect name="visibility" label={t("visibility")} value={values.visibility} options={optionsOf(labels.visibility)} anyLabel={t("anyVisibility")} />
    </FilterForm>
  );
}
