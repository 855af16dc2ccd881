import { DataTable } from "@/components/data-table";
import { IMPORT_COLUMNS } from "@/lib/import/columns";

/** The documented column layout of the import, from the same table the importer reads headers with. */
export function ImportColumns() {
  return (
    <DataTable caption="Columns of the import spreadsheet" columns={["Column header", "Required", "What to enter", "Example"]}>
      {IMPORT_COLUMNS.map((column) => (
        <tr key={column.field}>
          <th scope="row" className="border-b border-slate-300 align-top font-semibold">
            {column.header}
          </th>
          <td>{column.required ? "Yes" : "No"}</td>
          <td>
            {column.description}
            {column.aliases?.length ? <span className="hint">Also read from: {column.aliases.map((alias) => `“${alias}”`).join(", ")}</span> : null}
          </td>
          <td>{column.example ? <code>{column.example}</code> : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}
