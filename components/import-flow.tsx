"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { ErrorSummary, type SummaryError } from "@/components/form/error-summary";
import { ImportPreview } from "@/components/import-preview";
import { SuccessBanner } from "@/components/success-banner";
import type { ImportState } from "@/lib/import/import-state";
import { plural } from "@/lib/domain/format";
import { ACCEPT_ATTRIBUTE, ACCEPTED_EXTENSIONS, FILE_TOO_LARGE, MAX_FILE_BYTES, WRONG_FILE_TYPE } from "@/lib/import/limits";

const FILE_ID = "import-file";

/** The same first checks as the server, so a large or wrong file is refused before it is sent. */
function fileProblem(file: File | undefined): string | null {
  if (!file) return "Choose a CSV or Excel file to check.";
  if (file.size > MAX_FILE_BYTES) return FILE_TOO_LARGE(file.size);
  if (!ACCEPTED_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension))) return WRONG_FILE_TYPE;
  return null;
}

/**
 * Upload → check (every row, nothing written) → confirm → import. Each step is a plain form posting
 * to a route handler (/import/upload, /import/confirm) that answers with a redirect back here, to
 * /import?upload=<id>; the page shows `state`, what the server kept for that upload. So it works
 * without JavaScript; with it, a file that is too large or of the wrong type is refused before it
 * is sent.
 */
export function ImportFlow({ state, uploadId }: { state: ImportState; uploadId?: string }) {
  const [clientError, setClientError] = useState<string | null>(null);
  const [pending, setPending] = useState<"check" | "import" | null>(null);

  useEffect(() => {
    // Back to this page from the browser's cache, after a form was sent: nothing is pending here.
    const reset = (event: PageTransitionEvent) => {
      if (event.persisted) setPending(null);
    };
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);

  const fileError = clientError ?? (state.status === "refused" ? state.message : null);
  const summaryErrors: SummaryError[] = [];
  if (fileError) summaryErrors.push({ field: FILE_ID, message: fileError });
  if (!fileError && state.status === "checked" && state.check.problemCount > 0) {
    const { problemCount, problemRowCount, fileName } = state.check;
    const where = problemRowCount === problemCount ? "" : ` on ${plural(problemRowCount, "row")}`;
    summaryErrors.push({ field: "import-problems", message: `${plural(problemCount, "problem")}${where} in ${fileName}: nothing has been imported` });
  }

  const onCheck = (event: React.FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("file");
    const problem = fileProblem(input instanceof HTMLInputElement ? input.files?.[0] : undefined);
    setClientError(problem);
    if (problem) event.preventDefault();
    else setPending("check");
  };

  const importable = state.status === "checked" && state.importable && uploadId !== undefined;

  return (
    <>
      <ErrorSummary errors={summaryErrors} formError={state.status === "checked" && state.message && !clientError ? state.message : undefined} />

      {state.status === "imported" ? (
        <SuccessBanner testId="import-success" wide>
          <p className="m-0">{state.created > 0 ? `Imported ${plural(state.created, "agreement")} from ${state.fileName}.` : `Nothing new to import from ${state.fileName}.`}</p>
          {state.newPartners > 0 ? <p className="mb-0 font-normal">{plural(state.newPartners, "new partner was", "new partners were")} added.</p> : null}
          {state.present > 0 ? <p className="mb-0 font-normal">{plural(state.present, "row was", "rows were")} already present and skipped.</p> : null}
          <p className="mb-0 font-normal">
            <Link href="/agreements?status=ACTIVE&sort=updated">See the active agreements</Link>
          </p>
        </SuccessBanner>
      ) : null}

      <form action="/import/upload" method="post" encType="multipart/form-data" onSubmit={onCheck} noValidate className="space-y-4" aria-label="Upload a spreadsheet">
        <div>
          <label htmlFor={FILE_ID} className="label">
            Spreadsheet file
          </label>
          <span id={`${FILE_ID}-hint`} className="hint">
            A CSV file or an Excel workbook (.xlsx), up to 2 MB.
          </span>
          {fileError ? (
            <span id={`${FILE_ID}-error`} className="field-error">
              <span className="sr-only">Error: </span>
              {fileError}
            </span>
          ) : null}
          <input
            id={FILE_ID}
            name="file"
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            className="mt-1 block"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[`${FILE_ID}-hint`, fileError ? `${FILE_ID}-error` : null].filter(Boolean).join(" ")}
            onChange={() => setClientError(null)}
          />
        </div>
        <button type="submit" className="button" disabled={pending !== null}>
          Upload and preview
        </button>
      </form>

      {pending ? (
        <div role="status" className="mt-4 max-w-xl" data-testid="import-progress">
          <progress className="block w-full" aria-label={pending === "import" ? "Importing" : "Checking the file"} />
          <p className="mt-1">{pending === "import" ? "Importing the agreements… a large file can take a minute." : "Checking every row for the preview… a large file can take a minute."}</p>
        </div>
      ) : null}

      {state.status === "checked" ? (
        <section aria-labelledby="import-check-heading" className="mt-8" data-testid="import-preview">
          <h2 id="import-check-heading">Preview of {state.check.fileName}</h2>
          <ImportPreview check={state.check} />
          {importable ? (
            <form action="/import/confirm" method="post" onSubmit={() => setPending("import")} className="mt-6" aria-label="Confirm the import">
              <input type="hidden" name="upload" value={uploadId} />
              <p className="max-w-3xl">Nothing has been written yet. The file is checked once more and imported as a whole: every row, or none.</p>
              <button type="submit" className="button" disabled={pending !== null}>
                Confirm import of {plural(state.check.readyCount, "agreement")}
              </button>
            </form>
          ) : state.check.problemCount === 0 && state.check.readyCount === 0 ? (
            <p className="mt-6 font-semibold">Nothing to import: every row of this file is already in the register.</p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
