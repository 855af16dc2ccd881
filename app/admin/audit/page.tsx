import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { FilterForm, FilterInput, FilterSelect } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { auditActions, decisionChainStatus, listAudit } from "@/lib/data/audit";
import { describeChainReport, type ChainReport } from "@/lib/decisions/chain";
import { pageNumber } from "@/lib/domain/pagination";
import { listUsers } from "@/lib/data/users";
import { formatDateTime } from "@/lib/domain/format";
import { auditFilterSchema } from "@/lib/domain/validation/admin";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("/admin/audit", "audit:read");
  const params = await searchParams;
  const filters = auditFilterSchema.parse({ user: first(params.user), action: first(params.action), from: first(params.from), to: first(params.to) });
  const page = pageNumber(params.page);
  const [result, users, actions, chain] = await Promise.all([listAudit({ ...filters, page }), listUsers(), auditActions(), decisionChainStatus()]);
  const isoDay = (date: Date | undefined) => date?.toISOString().slice(0, 10);
  return (
    <>
      <h1>Audit log</h1>
      <DecisionChainStatus report={chain.report} checkedAt={chain.checkedAt} />
      <FilterForm label="Filter the audit log" clearHref="/admin/audit" className="sm:grid-cols-4">
        <FilterSelect name="user" label="User" value={filters.user} anyLabel="Anyone" options={users.map((user) => ({ value: user.id, label: user.name }))} />
        <FilterSelect name="action" label="Action" value={filters.action} anyLabel="Any action" options={actions.map((action) => ({ value: action, label: action }))} />
        <FilterInput name="from" label="From" type="date" value={isoDay(filters.from)} />
        <FilterInput name="to" label="To" type="date" value={isoDay(filters.to)} />
      </FilterForm>
      {result.items.length === 0 ? (
        <p>No entries match these filters.</p>
      ) : (
        <DataTable caption="Audit log, newest first" columns={["When", "Who", "Action", "What", "Address"]}>
          {result.items.map((entry) => (
            <tr key={entry.id}>
              <td className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</td>
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
        noun="entries"
      />
    </>
  );
}

/** The decision record's integrity: green when every decision matches its hash and its place in the chain. */
function DecisionChainStatus({ report, checkedAt }: { report: ChainReport; checkedAt: Date }) {
  return (
    <section aria-labelledby="decision-chain-heading" data-testid="decision-chain" className={`mb-6 max-w-3xl border-l-8 p-4 ${report.ok ? "border-success bg-green-50" : "border-error bg-red-50"}`}>
      <h2 id="decision-chain-heading" className="mt-0 text-lg">
        {`Decision record: ${report.ok ? "verified" : "does not verify"}`}
      </h2>
      <p className="mb-0 break-words">{describeChainReport(report)}</p>
      <p className="mb-0 text-sm text-slate-700">Checked {formatDateTime(checkedAt)}.</p>
      {report.ok ? null : (
        <p className="mb-0">Decisions may have been changed or deleted outside the app. Compare with a backup, and check the database&apos;s access logs.</p>
      )}
    </section>
  );
}
