import Link from "next/link";
import type { Option } from "@/components/form/fields";
import { optionsOf, VISIBILITY_LABELS } from "@/lib/domain/labels";

type Values = { q?: string; agreement?: string; kind?: string; from?: string; to?: string; visibility?: string };

/** The GET filter form of the exchange and event logs: works without JavaScript, keeps its values in the address. */
export function ActivityFilters({ noun, basePath, values, agreements, kinds, searchLabel }: { noun: string; basePath: string; values: Values; agreements: Option[]; kinds: Option[]; searchLabel: string }) {
  return (
    <form method="get" role="search" aria-label={`Filter ${noun}`} className="mb-6 grid grid-cols-1 gap-4 rounded bg-slate-50 p-4 sm:grid-cols-3 lg:grid-cols-6">
      <div className="lg:col-span-2">
        <label htmlFor="q" className="label">
          {searchLabel}
        </label>
        <input id="q" name="q" type="search" defaultValue={values.q} className="input" />
      </div>
      <div className="lg:col-span-2">
        <label htmlFor="agreement" className="label">
          Agreement
        </label>
        <select id="agreement" name="agreement" defaultValue={values.agreement ?? ""} className="input">
          <option value="">Any agreement</option>
          {agreements.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="lg:col-span-2">
        <label htmlFor="kind" className="label">
          Kind
        </label>
        <select id="kind" name="kind" defaultValue={values.kind ?? ""} className="input">
          <option value="">Any kind</option>
          {kinds.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="from" className="label">
          From
        </label>
        <input id="from" name="from" type="date" defaultValue={values.from} className="input" />
      </div>
      <div>
        <label htmlFor="to" className="label">
          To
        </label>
        <input id="to" name="to" type="date" defaultValue={values.to} className="input" />
      </div>
      <div>
        <label htmlFor="visibility" className="label">
          Visibility
        </label>
        <select id="visibility" name="visibility" defaultValue={values.visibility ?? ""} className="input">
          <option value="">Any visibility</option>
          {optionsOf(VISIBILITY_LABELS).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-3">
        <button type="submit" className="button">
          Apply filters
        </button>
        <Link href={basePath}>Clear filters</Link>
      </div>
    </form>
  );
}
