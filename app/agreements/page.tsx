import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { FilterForm, FilterInput, FilterSelect } from "@/components/filter-form";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { StatusTag, Tag } from "@/components/status-tag";
import { requirePageUser } from "@/lib/auth/session";
import { listAgreements, parseAgreementFilters, partnerCountries, type AgreementSort } from "@/lib/data/agreements";
import { pageNumber } from "@/lib/domain/pagination";
import { labelsIn, optionsOf } from "@/lib/domain/labels";
import { STATUSES } from "@/lib/domain/lifecycle";
import { formatDate, yearOf } from "@/lib/domain/format";
import { exportHref } from "@/lib/export/agreement-table";
import { can } from "@/lib/domain/permissions";
import { countryNameIn } from "@/lib/domain/public-format";
import { getPageLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agreements.list"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The sort orders, as the list offers them (their words: messages agreements.list.sort). */
const SORTS: readonly AgreementSort[] = ["partner", "country", "since", "review", "status", "updated"];

export default async function AgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/agreements", "agreement:read");
  const params = await searchParams;
  const filters = { ...parseAgreementFilters(params), page: pageNumber(params.page), locale: await getPageLocale() };
  const [result, countries] = await Promise.all([listAgreements(filters), partnerCountries()]);
  const query = { q: filters.q, status: filters.status, country: filters.country, type: filters.type, sort: filters.sort, dormant: filters.dormant ? "1" : undefined };
  const [locale, t, tAgreements] = await Promise.all([getPageLocale(), getTranslations("agreements.list"), getTranslations("agreements")]);
  const labels = labelsIn(locale);
  // "1953 (formalised 1957)": the years the link began and was made formal (years are not grouped like numbers).
  const since = (linkBegan: Date | null, formalisedOn: Date | null): string => {
    const began = yearOf(linkBegan);
    const formalised = yearOf(formalisedOn);
    if (!began) return formalised ? String(formalised) : "";
    return formalised && formalised !== began ? t("sinceFormalised", { began: String(began), formalised: String(formalised) }) : String(began);
  };

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>{t("title")}</h1>
        {can(user, "agreement:draft") ? (
          <Link href="/agreements/new" className="button">
            {t("draftNew")}
          </Link>
        ) : null}
      </div>
      <FilterForm label={t("filterLabel")} clearHref="/agreements">
        <FilterInput name="q" label={t("partnerName")} value={filters.q} className="lg:col-span-2" />
        <FilterSelect name="status" label={t("status")} value={filters.status} anyLabel={t("anyStatus")} options={STATUSES.map((status) => ({ value: status, label: labels.status[status] }))} />
        <FilterSelect
          name="country"
          label={t("country")}
          value={filters.country}
          anyLabel={t("anyCountry")}
          options={[...countries.map((code) => ({ value: code, label: countryNameIn(code, locale) })), { value: "NONE", label: t("noCountry") }]}
        />
        <FilterSelect name="type" label={t("type")} value={filters.type} anyLabel={t("anyType")} options={optionsOf(labels.relationshipType)} />
        <FilterSelect name="sort" label={t("sortBy")} value={filters.sort ?? "partner"} options={SORTS.map((value) => ({ value, label: t(`sort.${value}`) }))} />
        <div className="col-span-full flex items-center gap-2">
          <input id="dormant" name="dormant" type="checkbox" value="1" defaultChecked={filters.dormant} className="h-5 w-5" />
          <label htmlFor="dormant">{t("dormantOnly")}</label>
        </div>
      </FilterForm>
      {can(user, "agreement:export") ? (
        <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
          <a href={exportHref(filters, "csv")} download>
            {t("downloadCsv")}
          </a>
          <a href={exportHref(filters, "xlsx")} download>
            {t("downloadXlsx")}
          </a>
        </p>
      ) : null}

      {result.items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <DataTable
          caption={t("caption", { sort: t(`sort.${filters.sort ?? "partner"}`).toLowerCase() })}
          columns={[t("columns.partner"), t("columns.country"), t("columns.type"), t("columns.since"), t("columns.review"), t("columns.status")]}
        >
          {result.items.map((agreement) => (
            <tr key={agreement.id}>
              <td>
                <Link href={`/agreements/${agreement.id}`}>{agreement.partner.name}</Link>
              </td>
              <td>{agreement.partner.country ? countryNameIn(agreement.partner.country, locale) : t("noCountry")}</td>
              <td>{labels.relationshipType[agreement.relationshipType]}</td>
              <td>{since(agreement.linkBegan, agreement.formalisedOn)}</td>
              <td>{formatDate(agreement.reviewDate, locale)}</td>
              <td className="space-x-1">
                <StatusTag status={agreement.status} />
                {agreement.openProposal ? <Tag tone="warning">{tAgreements("proposed", { what: tAgreements(`proposalNoun.${agreement.openProposal}`) })}</Tag> : null}
                {agreement.dormant ? <Tag tone="warning">{tAgreements("dormant")}</Tag> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={query} basePath="/agreements" noun={t("pagination")} />
    </>
  );
}
