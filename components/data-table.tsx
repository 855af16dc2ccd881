import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

type DataTableProps = {
  /** Read by screen readers before the table: what its rows are. */
  caption: string;
  /** The column headings, in order. */
  columns: readonly string[];
  /** Adds a last column for per-row links (Edit …), headed "Actions" for screen readers only. */
  actionsColumn?: boolean;
  /** The rows: one <tr> each, with a cell per column (and the actions cell when there is one). */
  children: ReactNode;
};

/** The staff pages' list table: scrolls sideways on a narrow screen instead of breaking the page. */
export function DataTable({
  caption,
  columns,
  actionsColumn = false,
  children,
}: DataTableProps) {
  const t = useTranslations("forms.table");
  return (
    // A box that may scroll sideways is reachable from the keyboard (WCAG 2.1.1): a long Welsh
    // heading can make any table wider than the screen. Unnamed: a name would be read as a label.
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actionsColumn ? (
              <th scope="col">
                <span className="sr-only">{t("actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
