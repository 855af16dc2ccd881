import { FilterForm, FilterInput, FilterSelect } from "@/components/filter-form";
import type { Option } from "@/components/form/labelled";
import { optionsOf, VISIBILITY_LABELS } from "@/lib/domain/labels";

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
  noun,
  basePath,
  values,
  agreements,
  kinds,
  searchLabel,
}: {
  noun: string;
  basePath: string;
  values: ActivityFilterValues;
  agreements: Option[];
  kinds: Option[];
  searchLabel: string;
}) {
  return (
    <FilterForm label={`Filter ${noun}`} clearHref={basePath}>
      <FilterInput name="q" label={searchLabel} value={values.q} className="lg:col-span-2" />
      <FilterSelect name="agreement" label="Agreement" value={values.agreement} options={agreements} anyLabel="Any agreement" className="lg:col-span-2" />
      <FilterSelect name="kind" label="Kind" value={values.kind} options={kinds} anyLabel="Any kind" className="lg:col-span-2" />
      <FilterInput name="from" label="From" type="date" value={values.from} />
      <FilterInput name="to" label="To" type="date" value={values.to} />
      <FilterSelect name="visibility" label="Visibility" value={values.visibility} options={optionsOf(VISIBILITY_LABELS)} anyLabel="Any visibility" />
    </FilterForm>
  );
}
