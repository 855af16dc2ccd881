import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { FilterForm, FilterInput, FilterSelect } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { auditActions, decisionChainStatus, listAudit } from "@/lib/data/audit";
import type { ChainReport } from "@/lib/decisions/chain";
import { pageNumber } from "@/lib/domain/pagination";
import { listUsers } from "@/lib/data/users";
import { formatDateTime, formatNumber } from "@/lib/domain/format";
import { auditFilterSchema } from "@/lib/domain/validation/admin";
import { auditExportHref } from "@/lib/export/audit";
import type { Locale } from "@/lib/i18n/locales";
import { getPageLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("/admin/audit", "audit:read");
  const params = await searchParams;
  const filters = auditFilterSchema.parse({ user: first(params.user), action: first(params.action), from: first(params.from), to: first(params.to) });
  const page = pageNumber(params.page);
  const [result, users, actions, chain, t, locale] = await Promise.all([listAudit({ ...filters, page }), listUsers(), auditActions(), decisionChainStatus(), getTranslations("audit"), getPageLocale()]);
  const isoDay = (date: Date | undefined) => date?.toISOString().slice(0, 10);
  return (
    <>
      <h1>{t("title")}</h1>
      <DecisionChainStatus report={chain.report} checkedAt={chain.checkedAt} locale={locale} />
      <FilterForm label={t("filterLabel")} clearHref="/admin/audit" className="sm:grid-cols-4">
        <FilterSelect name="user" label={t("user")} value={filters.user} anyLabel={t("anyone")} options={users.map((user) => ({ value: user.id, label: user.name }))} />
        <FilterSelect name="action" label={t("action")} value={filters.action} anyLabel={t("anyAction")} options={actions.map((action) => ({ value: action, label: action }))} />
        <FilterInput name="from" label={t("from")} type="date" value={isoDay(filters.from)} />
        <FilterInput name="to" label={t("to")} type="date" value={isoDay(filters.to)} />
      </FilterForm>
      <p className="mb-4">
        <a href={auditExportHref(filters)} download>
          {t("downloadCsv")}
        </a>
      </p>
      {result.items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <DataTable caption={t("caption")} columns={[t("columns.when"), t("columns.who"), t("columns.action"), t("columns.what"), t("columns.address")]}>
          {result.items.map((entry) => (
            <tr key={entry.id}>
              <td className="whitespace-nowrap">{formatDateTime(entry.createdAt, locale)}</td>
              <td>{entry.actor?.name ?? entry.actorEmail ?? "—"}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td className="max-w-md break-words text-sm">
                {entry.entityType ? `${entry.entityType} ${entry.entityId ?? ""}` : ""}
                {entry.details ? <div className="text-slate-700">{JSON.stringify(entry.details)}</div> : null}
              </td>
              <td>{entry.ip ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        params={{ user: filters.user, action: filters.action, from: isoDay(filters.from), to: isoDay(filters.to) }}
        basePath="/admin/audit"
        noun={t("noun")}
      />
    </>
  );
}

/** The decision record's integrity: green when every decision matches its hash and its place in the chain. */
async function DecisionChainStatus({ report, checkedAt, locale }: { report: ChainReport; checkedAt: Date; locale: Locale }) {
  const t = await getTranslations("audit.chain");
  // The words of describeChainReport (lib/decisions/chain.ts, for the command line) in the page's
  // language; what is wrong with a decision stays as the check words it, in English.
  const description = report.ok
    ? report.head
      ? t("count", { count: report.count, erased: report.erased, sequence: String(report.head.sequence), hash: report.head.hash })
      : t("empty")
    : t.rich("failure", {
        id: report.failure.id,
        sequence: String(report.failure.sequence),
        problem: report.failure.problem,
        verified: formatNumber(report.verified, locale),
        en: (chunks) => <span lang="en">{chunks}</span>,
      });
  return (
    <section aria-labelledby="decision-chain-heading" data-testid="decision-chain" className={`mb-6 max-w-3xl border-l-8 p-4 ${report.ok ? "border-success bg-green-50" : "border-error bg-red-50"}`}>
      <h2 id="decision-chain-heading" className="mt-0 text-lg">
        {report.ok ? t("verified") : t("notVerified")}
      </h2>
      <p className="mb-0 break-words">{description}</p>
      {report.ok && report.erased > 0 ? <p className="mb-0">{t("erasedNote")}</p> : null}
      <p className="mb-0 text-sm text-slate-700">{t("checked", { time: formatDateTime(checkedAt, locale) })}</p>
      {report.ok ? null : (
        <p className="mb-0">{t("advice")}</p>
      )}
    </section>
  );
}
