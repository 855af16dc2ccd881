import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { FilterForm, FilterInput, FilterSelect } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { StatusTag, Tag } from "@/components/status-tag";
import { requirePageUser } from "@/lib/auth/session";
import { listAgreements, parseAgreementFilters, partnerCountries, type AgreementSort } from "@/lib/data/agreements";
import { pageNumber } from "@/lib/domain/pagination";
import { countryName } from "@/lib/domain/countries";
import { optionsOf, RELATIONSHIP_TYPE_LABELS } from "@/lib/domain/labels";
import { PROPOSAL_RULES, STATUSES, statusLabel } from "@/lib/domain/lifecycle";
import { formatDate, sinceText } from "@/lib/domain/format";
import { exportHref } from "@/lib/export/agreement-table";
import { can } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "Agreements" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORT_LABELS: Record<AgreementSort, string> = {
  partner: "Partner",
  country: "Country",
  since: "Since",
  review: "Review date",
  status: "Status",
  updated: "Recently changed",
};

export default async function AgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/agreements", "agreement:read");
  const params = await searchParams;
  const filters = { ...parseAgreementFilters(params), page: pageNumber(params.page) };
  const [result, countries] = await Promise.all([listAgreements(filters), partnerCountries()]);
  const query = { q: filters.q, status: filters.status, country: filters.country, type: filters.type, sort: filters.sort, dormant: filters.dormant ? "1" : undefined };

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>Agreements</h1>
        {can(user, "agreement:draft") ? (
          <Link href="/agreements/new" className="button">
            Draft a new agreement
          </Link>
        ) : null}
      </div>
      <FilterForm label="Filter agreements" clearHref="/agreements">
        <FilterInput name="q" label="Partner name" value={filters.q} className="lg:col-span-2" />
        <FilterSelect name="status" label="Status" value={filters.status} anyLabel="Any status" options={STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))} />
        <FilterSelect
          name="country"
          label="Country"
          value={filters.country}
          anyLabel="Any country"
          options={[...countries.map((code) => ({ value: code, label: countryName(code) })), { value: "NONE", label: "No country" }]}
        />
        <FilterSelect name="type" label="Relationship type" value={filters.type} anyLabel="Any type" options={optionsOf(RELATIONSHIP_TYPE_LABELS)} />
        <FilterSelect name="sort" label="Sort by" value={filters.sort ?? "partner"} options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))} />
        <div className="col-span-full flex items-center gap-2">
          <input id="dormant" name="dormant" type="checkbox" value="1" defaultChecked={filters.dormant} className="h-5 w-5" />
          <label htmlFor="dormant">Dormant only (active, no exchange or event recently)</label>
        </div>
      </FilterForm>
      {can(user, "agreement:export") ? (
        <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
          <a href={exportHref(filters, "csv")} download>
            Download CSV
          </a>
          <a href={exportHref(filters, "xlsx")} download>
            Download XLSX
          </a>
        </p>
      ) : null}

      {result.items.length === 0 ? (
        <p>No agreements match these filters.</p>
      ) : (
        <DataTable caption={`Agreements, sorted by ${SORT_LABELS[filters.sort ?? "partner"].toLowerCase()}`} columns={["Partner", "Country", "Type", "Since", "Review date", "Status"]}>
          {result.items.map((agreement) => (
            <tr key={agreement.id}>
              <td>
                <Link href={`/agreements/${agreement.id}`}>{agreement.partner.name}</Link>
              </td>
              <td>{countryName(agreement.partner.country)}</td>
              <td>{RELATIONSHIP_TYPE_LABELS[agreement.relationshipType]}</td>
              <td>{sinceText(agreement.linkBegan, agreement.formalisedOn).replace(/^since /, "")}</td>
              <td>{formatDate(agreement.reviewDate)}</td>
              <td className="space-x-1">
                <StatusTag status={agreement.status} />
                {agreement.openProposal ? <Tag tone="warning">Proposed: {PROPOSAL_RULES[agreement.openProposal].noun}</Tag> : null}
                {agreement.dormant ? <Tag tone="warning">Dormant</Tag> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={query} basePath="/agreements" noun="agreements" />
    </>
  );
}
