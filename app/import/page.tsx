import type { Metadata } from "next";
import { ImportColumns } from "@/components/import-columns";
import { ImportFlow } from "@/components/import-flow";
import { requirePageUser } from "@/lib/auth/session";
import { IMPORT_BUSY } from "@/lib/import/import-agreements";
import { IMPORT_IDLE, type ImportState } from "@/lib/import/import-state";
import { MAX_ROWS } from "@/lib/import/limits";
import { UPLOAD_GONE, uploadState } from "@/lib/import/uploads";

export const metadata: Metadata = { title: "Import partnerships" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ImportPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/import", "import:run");
  // ?upload=<id>: what became of an upload (the steps redirect here); ?busy: another import of the user's was under way.
  // The one result that is not an ActionResult with a confirmation from lib/web/confirmations.ts: the
  // import's outcome is kept with its upload, so every reload shows the same preview or outcome and
  // nothing is imported twice, and its words carry the file's counts. It is shown with the forms'
  // own SuccessBanner and ErrorSummary.
  const { upload, busy } = await searchParams;
  const uploadId = typeof upload === "string" ? upload : undefined;
  let state: ImportState = IMPORT_IDLE;
  if (busy !== undefined) state = { status: "refused", message: IMPORT_BUSY };
  else if (uploadId) state = (await uploadState(user, uploadId)) ?? { status: "refused", message: UPLOAD_GONE };
  return (
    <>
      <h1>Import partnerships from a spreadsheet</h1>
      <div className="mb-6 max-w-3xl space-y-3">
        <p>
          Bring in links the council already has, from a CSV file or an Excel workbook: one row per partnership, with the column headers of the template in the first row. Each
          row becomes an <strong>Active</strong> agreement with an “Imported” decision that names the file.
        </p>
        <p>
          First the file is checked: every row, with each problem named by its row number. Nothing is saved until you confirm, and then the whole file is imported or none of
          it. A row whose partner (same name and country) already has an agreement of the same relationship type is skipped as already present, so importing a file twice adds
          nothing twice.
        </p>
        <p>
          Files up to <strong>2 MB</strong> and {MAX_ROWS.toLocaleString("en-GB")} rows; CSV in UTF-8 (comma or semicolon separated) or Excel .xlsx (the first sheet is read).
        </p>
        <p>
          <a href="/import/template.csv" download>
            Download the template (CSV)
          </a>
        </p>
      </div>

      <ImportFlow state={state} uploadId={uploadId} />

      <section aria-labelledby="import-columns-heading" className="mt-10">
        <h2 id="import-columns-heading">Column layout</h2>
        <p className="max-w-3xl">
          Headers are matched without regard to case, spaces or punctuation, so “partner_name” reads as “Partner name”. Columns may come in any order; other columns are left out.
          Relationship type, locality type and themes take the words below or the codes (TWIN_TOWN). Row numbers in messages are as your spreadsheet shows them: the header is row
          1, the first partnership row 2.
        </p>
        <ImportColumns />
      </section>
    </>
  );
}
