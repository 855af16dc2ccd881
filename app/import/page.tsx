import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportColumns } from "@/components/import-columns";
import { ImportFlow } from "@/components/import-flow";
import { ImportPreview } from "@/components/import-preview";
import { requirePageUser } from "@/lib/auth/session";
import { formatNumber } from "@/lib/domain/format";
import { IMPORT_BUSY } from "@/lib/import/import-agreements";
import { wordImportMessage, wordImportMessages } from "@/lib/import/import-messages";
import { IMPORT_IDLE, type ImportState } from "@/lib/import/import-state";
import { MAX_ROWS } from "@/lib/import/limits";
import { uploadState } from "@/lib/import/uploads";
import { getPageLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importPage"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ImportPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/import", "import:run");
  const [t, locale] = await Promise.all([getTranslations("importPage"), getPageLocale()]);
  // ?upload=<id>: what became of an upload (the steps redirect here); ?busy: another import of the user's was under way.
  // The one result that is not an ActionResult with a confirmation from lib/web/confirmations.ts: the
  // import's outcome is kept with its upload, so every reload shows the same preview or outcome and
  // nothing is imported twice, and its words carry the file's counts. It is shown with the forms'
  // own SuccessBanner and ErrorSummary, worded here in the page's language (what the importer
  // found wrong inside a file too: it keeps message keys and values, lib/import/import-messages.ts).
  const { upload, busy } = await searchParams;
  const uploadId = typeof upload === "string" ? upload : undefined;
  let state: ImportState = IMPORT_IDLE;
  if (busy !== undefined) state = { status: "refused", messages: [IMPORT_BUSY] };
  else if (uploadId) state = (await uploadState(user, uploadId)) ?? { status: "refused", messages: [{ key: "importPage.gone" }] };
  const refusal = state.status === "refused" ? wordImportMessages(state.messages, locale) : undefined;
  const checkRefusal = state.status === "checked" && state.message ? wordImportMessage(state.message, locale) : undefined;
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      <h1>{t("heading")}</h1>
      <div className="mb-6 max-w-3xl space-y-3">
        <p>{t.rich("intro", { strong })}</p>
        <p>{t("check")}</p>
        <p>{t.rich("limits", { strong, maxRows: formatNumber(MAX_ROWS, locale) })}</p>
        <p>
          <a href="/import/template.csv" download>
            {t("template")}
          </a>
        </p>
      </div>

      <ImportFlow state={state} refusal={refusal} checkRefusal={checkRefusal} uploadId={uploadId} preview={state.status === "checked" ? <ImportPreview check={state.check} /> : undefined} />

      <section aria-labelledby="import-columns-heading" className="mt-10">
        <h2 id="import-columns-heading">{t("columns.heading")}</h2>
        <p className="max-w-3xl">{t.rich("columns.intro", { en: (chunks) => <span lang={locale === "en" ? undefined : "en"}>{chunks}</span> })}</p>
        <ImportColumns />
      </section>
    </>
  );
}
