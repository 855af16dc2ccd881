import { IMPORT_COLUMNS } from "@/lib/import/columns";

/** The documented column layout of the import, from the same table the importer reads headers with. */
export function ImportColumns() {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Columns of the import spreadsheet</caption>
        <thead>
          <tr>
            <th scope="col">Column header</th>
            <th scope="col">Required</th>
            <th scope="col">What to enter</th>
            <th scope="col">Example</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
