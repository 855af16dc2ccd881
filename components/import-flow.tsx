"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ErrorSummary, type SummaryError } from "@/components/form/error-summary";
import { Link } from "@/components/link";
import { SuccessBanner } from "@/components/success-banner";
import type { ImportState } from "@/lib/import/import-state";
import { ACCEPT_ATTRIBUTE, ACCEPTED_EXTENSIONS, FILE_TOO_LARGE, MAX_FILE_BYTES } from "@/lib/import/limits";
import { usePageLocale } from "@/lib/i18n/navigation";

const FILE_ID = "import-file";

type FileProblem = { key: "chooseFile" | "wrongType" } | { key: "tooLarge"; size: number };

/** The same first checks as the server, so a large or wrong file is refused before it is sent. */
function fileProblem(file: File | undefined): FileProblem | null {
  if (!file) return { key: "chooseFile" };
  if (file.size > MAX_FILE_BYTES) return { key: "tooLarge", size: file.size };
  if (!ACCEPTED_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension))) return { key: "wrongType" };
  return null;
}

/**
 * Upload → check (every row, nothing written) → confirm → import. Each step is a plain form posting
 * to a route handler (/import/upload, /import/confirm) that answers with a redirect back here, to
 * /import?upload=<id>; the page shows `state`, what the server kept for that upload. So it works
 * without JavaScript; with it, a file that is too large or of the wrong type is refused before it
 * is sent. Both forms carry the page's language, so the redirect lands on the page in it (the
 * route handlers are posted to at their one address, which has its own body limit in the proxy).
 * The preview of a checked file is rendered on the server and given as `preview`, and the server's
 * refusals come worded in the page's language: `refusal` (the file's), `checkRefusal` (a confirmation's).
 */
export function ImportFlow({ state, refusal, checkRefusal, uploadId, preview }: { state: ImportState; refusal?: string; checkRefusal?: string; uploadId?: string; preview?: React.ReactNode }) {
  const t = useTranslations("importFlow");
  const tForms = useTranslations("forms");
  const locale = usePageLocale();
  const [clientProblem, setClientProblem] = useState<FileProblem | null>(null);
  const [pending, setPending] = useState<"check" | "import" | null>(null);

  useEffect(() => {
    // Back to this page from the browser's cache, after a form was sent: nothing is pending here.
    const reset = (event: PageTransitionEvent) => {
      if (event.persisted) setPending(null);
    };
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);

  // The values of the server's own refusal (lib/import/limits.ts), so both say the same.
  const problemText = (problem: FileProblem): string => (problem.key === "tooLarge" ? t("tooLarge", FILE_TOO_LARGE(problem.size).values) : t(problem.key));
  const clientError = clientProblem ? problemText(clientProblem) : null;
  const fileError = clientError ?? refusal;
  const summaryErrors: SummaryError[] = [];
  if (fileError) summaryErrors.push({ field: FILE_ID, message: fileError });
  if (!fileError && state.status === "checked" && state.check.problemCount > 0) {
    const { problemCount, problemRowCount, fileName } = state.check;
    summaryErrors.push({
      field: "import-problems",
      message: problemRowCount === problemCount ? t("problemsSummary", { problems: problemCount, fileName }) : t("problemsSummaryRows", { problems: problemCount, rows: problemRowCount, fileName }),
    });
  }

  const onCheck = (event: React.FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("file");
    const problem = fileProblem(input instanceof HTMLInputElement ? input.files?.[0] : undefined);
    setClientProblem(problem);
    if (problem) event.preventDefault();
    else setPending("check");
  };

  const importable = state.status === "checked" && state.importable && uploadId !== undefined;

  return (
    <>
      <ErrorSummary errors={summaryErrors} formError={checkRefusal && !clientError ? checkRefusal : undefined} />

      {state.status === "imported" ? (
        <SuccessBanner testId="import-success" wide>
          <p className="m-0">{state.created > 0 ? t("imported", { count: state.created, fileName: state.fileName }) : t("nothingNew", { fileName: state.fileName })}</p>
          {state.newPartners > 0 ? <p className="mb-0 font-normal">{t("newPartners", { count: state.newPartners })}</p> : null}
          {state.present > 0 ? <p className="mb-0 font-normal">{t("present", { count: state.present })}</p> : null}
          <p className="mb-0 font-normal">
            <Link href="/agreements?status=ACTIVE&sort=updated">{t("seeActive")}</Link>
          </p>
        </SuccessBanner>
      ) : null}

      <form action="/import/upload" method="post" encType="multipart/form-data" onSubmit={onCheck} noValidate className="space-y-4" aria-label={t("uploadLabel")}>
        <input type="hidden" name="language" value={locale} />
        <div>
          <label htmlFor={FILE_ID} className="label">
            {t("fileLabel")}
          </label>
          <span id={`${FILE_ID}-hint`} className="hint">
            {t("fileHint")}
          </span>
          {fileError ? (
            <span id={`${FILE_ID}-error`} className="field-error">
              <span className="sr-only">{tForms("error")} </span>
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
            onChange={() => setClientProblem(null)}
          />
        </div>
        <button type="submit" className="button" disabled={pending !== null}>
          {t("upload")}
        </button>
      </form>

      {pending ? (
        <div role="status" className="mt-4 max-w-xl" data-testid="import-progress">
          <progress className="block w-full" aria-label={pending === "import" ? t("importing") : t("checking")} />
          <p className="mt-1">{pending === "import" ? t("importingLong") : t("checkingLong")}</p>
        </div>
      ) : null}

      {state.status === "checked" ? (
        <section aria-labelledby="import-check-heading" className="mt-8" data-testid="import-preview">
          <h2 id="import-check-heading">{t("previewOf", { fileName: state.check.fileName })}</h2>
          {preview}
          {importable ? (
            <form action="/import/confirm" method="post" onSubmit={() => setPending("import")} className="mt-6" aria-label={t("confirmLabel")}>
              <input type="hidden" name="upload" value={uploadId} />
              <input type="hidden" name="language" value={locale} />
              <p className="max-w-3xl">{t("confirmNote")}</p>
              <button type="submit" className="button" disabled={pending !== null}>
                {t("confirm", { count: state.check.readyCount })}
              </button>
            </form>
          ) : state.check.problemCount === 0 && state.check.readyCount === 0 ? (
            <p className="mt-6 font-semibold">{t("nothingToImport")}</p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
