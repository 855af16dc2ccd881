import { DataTable } from "@/components/data-table";
import { SummaryList } from "@/components/summary-list";
import { countryName } from "@/lib/domain/countries";
import { RELATIONSHIP_TYPE_LABELS } from "@/lib/domain/labels";
import { statusLabel } from "@/lib/domain/lifecycle";
import { plural } from "@/lib/domain/format";
import type { ImportCheck, PreviewRow } from "@/lib/import/import-state";
import { formatBytes } from "@/lib/import/limits";

function year(date: string | null): string {
  return date ? date.slice(0, 4) : "";
}

function RowsTable({ caption, rows, total, present }: { caption: string; rows: PreviewRow[]; total: number; present?: boolean }) {
  return (
    <>
      <DataTable caption={caption} columns={["Row", "Partner", "Country", "Relationship type", "Since", present ? "In the register" : "Partner record"]}>
        {rows.map((row) => (
          <tr key={row.rowNumber}>
            <td>{row.rowNumber}</td>
            <td>{row.partnerName}</td>
            <td>{countryName(row.country)}</td>
            <td>{RELATIONSHIP_TYPE_LABELS[row.relationshipType]}</td>
            <td>{year(row.linkBegan) || year(row.formalisedOn)}</td>
            <td>{present ? (row.existingStatus ? statusLabel(row.existingStatus) : "") : row.newPartner ? "New partner" : "Existing partner"}</td>
          </tr>
        ))}
      </DataTable>
      {total > rows.length ? <p className="hint mt-2">The first {rows.length.toLocaleString("en-GB")} of {total.toLocaleString("en-GB")} rows are shown.</p> : null}
    </>
  );
}

/** What a checked file would do, row by row: the problems first, then what would be imported and skipped. */
export function ImportPreview({ check }: { check: ImportCheck }) {
  return (
    <>
      <SummaryList
        rows={[
          { label: "File", value: `${check.fileName} (${formatBytes(check.fileSize)})` },
          { label: "Rows checked", value: check.rowCount.toLocaleString("en-GB") },
          { label: "Ready to import", value: check.readyCount.toLocaleString("en-GB") },
          { label: "Already present", value: check.presentCount ? `${check.presentCount.toLocaleString("en-GB")} (skipped)` : "0" },
          { label: "Rows with problems", value: check.problemRowCount.toLocaleString("en-GB") },
        ]}
      />
      {check.notes.map((note) => (
        <p key={note} className="mt-4 max-w-3xl">
          {note}
        </p>
      ))}

      {check.problemCount > 0 ? (
        <section aria-labelledby="import-problems" className="mt-6">
          <h3 id="import-problems" tabIndex={-1}>
            {plural(check.problemCount, "problem")} to correct
          </h3>
          <p className="max-w-3xl">Nothing has been imported. Correct these rows in your spreadsheet, save it, then check the file again. Row numbers are as your spreadsheet shows them.</p>
          <ul className="max-w-3xl list-disc space-y-1 pl-6 text-error" data-testid="import-problems">
            {check.problems.map((problem, index) => (
              <li key={`${index}-${problem}`}>{problem}</li>
            ))}
          </ul>
          {check.problemCount > check.problems.length ? <p>…and {plural(check.problemCount - check.problems.length, "more problem")}.</p> : null}
        </section>
      ) : null}

      {check.readyCount > 0 ? (
        <section aria-labelledby="import-ready" className="mt-6">
          <h3 id="import-ready">{check.problemCount > 0 ? "Rows without problems" : "Ready to import"}</h3>
          <p className="max-w-3xl">
            {check.problemCount > 0
              ? "These rows are fine; they will be imported with the rest once every problem is corrected."
              : `${plural(check.readyCount, "agreement")} will be added as Active, each with an “Imported” decision that names this file.`}
          </p>
          <RowsTable caption="Rows ready to import" rows={check.ready} total={check.readyCount} />
        </section>
      ) : null}

      {check.presentCount > 0 ? (
        <section aria-labelledby="import-present" className="mt-6">
          <h3 id="import-present">Already present</h3>
          <p className="max-w-3xl">The register already has an agreement with the same partner and relationship type for these rows: they will be skipped, so importing a file again adds nothing twice.</p>
          <RowsTable caption="Rows already present" rows={check.present} total={check.presentCount} present />
        </section>
      ) : null}
    </>
  );
}
