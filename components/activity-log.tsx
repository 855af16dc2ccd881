import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { ActivityFilters, type ActivityFilterValues } from "@/components/activity-filters";
import { DataTable } from "@/components/data-table";
import type { Option } from "@/components/form/labelled";
import { Pagination } from "@/components/pagination";
import { ConfirmationBanner } from "@/components/success-banner";
import type { ConfirmationScope } from "@/lib/web/confirmations";

type ActivityLogProps = {
  /** "events" or "exchanges": the filters' name, the pagination's words and the list's path (/events). */
  noun: "events" | "exchanges";
  title: string;
  /** The link to add one, for a user who may. */
  add: { href: string; label: string } | null;
  /** The confirmation a redirect brought (?done=). */
  confirmation: {
    scope: ConfirmationScope;
    done: string | string[] | undefined;
  };
  intro: string;
  filters: {
    values: ActivityFilterValues;
    agreements: Option[];
    kinds: Option[];
    searchLabel: string;
  };
  /** The links to download the list as filtered (every page), as CSV and XLSX. */
  downloads: { csv: string; xlsx: string };
  /** The page of the list: its rows are `children`. */
  result: {
    items: readonly unknown[];
    page: number;
    pageCount: number;
    total: number;
  };
  table: {
    caption: string;
    columns: readonly string[];
    actionsColumn: boolean;
  };
  /** The rows of the table. */
  children: React.ReactNode;
};

/** The staff log of events or of exchanges: heading, confirmation, filters, the table and its pages. */
export function ActivityLog({ noun, title, add, confirmation, intro, filters, downloads, result, table, children }: ActivityLogProps) {
  const t = useTranslations("activity");
  const basePath = `/${noun}`;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>{title}</h1>
        {add ? (
          <Link href={add.href} className="button">
            {add.label}
          </Link>
        ) : null}
      </div>
      <ConfirmationBanner scope={confirmation.scope} done={confirmation.done} />
      <p className="max-w-2xl">{intro}</p>
      <ActivityFilters label={t(`${noun}.filterLabel`)} basePath={basePath} values={filters.values} agreements={filters.agreements} kinds={filters.kinds} searchLabel={filters.searchLabel} />
      <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        <a href={downloads.csv} download>
          {t("downloadCsv")}
        </a>
        <a href={downloads.xlsx} download>
          {t("downloadXlsx")}
        </a>
      </p>

      {result.items.length === 0 ? (
        <p>{t(`${noun}.noMatch`)}</p>
      ) : (
        <DataTable caption={table.caption} columns={table.columns} actionsColumn={table.actionsColumn}>
          {children}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={filters.values} basePath={basePath} noun={t(`${noun}.noun`)} />
    </>
  );
}
