// "Documents" on an agreement page: the list (download, remove) and "Upload a document", a plain
// multipart form posted to its route handler (app/documents/upload), so it works without JavaScript.
// Problems come back in the address as codes and are shown in the GOV.UK error summary.
import { getTranslations } from "next-intl/server";
import { ErrorSummary } from "@/components/form/error-summary";
import { FieldMessages, describedBy } from "@/components/form/labelled";
import { Tag } from "@/components/status-tag";
import { RemoveDocumentForm } from "@/components/remove-document-form";
import { DocumentType } from "@/lib/domain/enums";
import { formatFileSize } from "@/lib/domain/documents";
import { formatDate } from "@/lib/domain/format";
import { documentDraftOf, problemField, type DocumentDraft, type DocumentProblem } from "@/lib/domain/validation/document";
import type { Locale } from "@/lib/i18n/locales";
import type { FormAction } from "@/lib/web/action-result";

export type DocumentRow = {
  id: string;
  title: string;
  type: DocumentType;
  fileName: string;
  size: number;
  isPublic: boolean;
  accessible: boolean;
  createdAt: Date;
  locked: boolean;
  /** A background paper of a proposal (decided or not). */
  proposalId: string | null;
};

type Props = {
  agreementId: string;
  documents: DocumentRow[];
  problems: DocumentProblem[];
  /** What the user typed before a refused upload: the form shows it again (not the file, which a browser never fills in). */
  draft?: DocumentDraft;
  locale: Locale;
  /** The agreement has an open proposal: a new document may be one of its background papers. */
  openProposal: boolean;
  /** The remove action, or null when the viewer may not upload or remove. */
  removeAction: FormAction | null;
};

const EMPTY_DRAFT = documentDraftOf(undefined);

export async function DocumentsSection({ agreementId, documents, problems, draft = EMPTY_DRAFT, locale, openProposal, removeAction }: Props) {
  const t = await getTranslations("documents");
  const canWrite = removeAction !== null;
  const errorOf = (field: string) => problems.filter((problem) => problemField(problem) === field).map((problem) => t(`problem.${problem}`))[0];
  const id = (field: string) => `document-${field}`;
  return (
    <section aria-labelledby="documents" className="mb-8">
      <h2 id="documents">{t("heading")}</h2>
      {documents.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <table className="mb-6 w-full text-left">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.document")}</th>
              <th scope="col">{t("columns.type")}</th>
              <th scope="col">{t("columns.size")}</th>
              <th scope="col">{t("columns.visibility")}</th>
              {canWrite ? <th scope="col">{t("columns.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => (
              <tr key={document.id}>
                <td>
                  <a href={`/documents/${document.id}`} download>
                    {document.title}
                  </a>
                  <span className="block text-sm text-slate-600">
                    {document.fileName} · {formatDate(document.createdAt, locale)}
                    {document.proposalId ? ` · ${t("backgroundPaperTag")}` : ""}
                  </span>
                </td>
                <td>{t(`types.${document.type}`)}</td>
                <td>{formatFileSize(document.size, locale)}</td>
                <td>
                  <span className="flex flex-wrap gap-1">
                    <Tag tone="neutral">{document.isPublic ? t("public") : t("internal")}</Tag>
                    {document.isPublic ? <Tag tone={document.accessible ? "neutral" : "warning"}>{document.accessible ? t("accessibleTag") : t("notAccessible")}</Tag> : null}
                  </span>
                </td>
                {canWrite ? <td>{document.locked ? <span className="text-sm">{t("locked")}</span> : <RemoveDocumentForm action={removeAction} agreementId={agreementId} documentId={document.id} label={t("remove")} accessibleLabel={t("removeLabel", { title: document.title })} />}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite ? (
        <>
          <h3 id="upload-document">{t("uploadHeading")}</h3>
          <ErrorSummary errors={problems.map((problem) => ({ field: id(problemField(problem)), message: t(`problem.${problem}`) }))} />
          <form method="post" action={`/documents/upload?agreement=${agreementId}${locale === "en" ? "" : `&language=${locale}`}`} encType="multipart/form-data" className="max-w-2xl" aria-labelledby="upload-document">
            <div className="mb-4">
              <label htmlFor={id("title")} className="label">
                {t("title")}
              </label>
              <FieldMessages id={id("title")} error={errorOf("title")} />
              <input id={id("title")} name="title" type="text" className="input" maxLength={200} defaultValue={draft.title} aria-invalid={errorOf("title") ? true : undefined} aria-describedby={describedBy(id("title"), undefined, errorOf("title"))} />
            </div>
            <div className="mb-4">
              <label htmlFor={id("type")} className="label">
                {t("type")}
              </label>
              <FieldMessages id={id("type")} error={errorOf("type")} />
              <select id={id("type")} name="type" className="input" defaultValue={draft.type} aria-invalid={errorOf("type") ? true : undefined} aria-describedby={describedBy(id("type"), undefined, errorOf("type"))}>
                <option value="">{t("chooseType")}</option>
                {Object.values(DocumentType).map((type) => (
                  <option key={type} value={type}>
                    {t(`types.${type}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="mb-4">
              <input id={id("isPublic")} name="isPublic" type="checkbox" className="mr-2" defaultChecked={draft.isPublic} aria-describedby={`${id("isPublic")}-hint`} />
              <label htmlFor={id("isPublic")}>{t("isPublic")}</label>
              <FieldMessages id={id("isPublic")} hint={t("isPublicHint")} />
            </div>
            <div className="mb-4">
              <input id={id("accessible")} name="accessible" type="checkbox" className="mr-2" defaultChecked={draft.accessible} aria-describedby={`${id("accessible")}-hint`} />
              <label htmlFor={id("accessible")}>{t("accessible")}</label>
              <FieldMessages id={id("accessible")} hint={t("accessibleHint")} />
            </div>
            <div className="mb-4">
              <label htmlFor={id("altText")} className="label">
                {t("altText")}
              </label>
              <FieldMessages id={id("altText")} hint={t("altTextHint")} error={errorOf("altText")} />
              <textarea id={id("altText")} name="altText" rows={2} className="input" defaultValue={draft.altText} aria-invalid={errorOf("altText") ? true : undefined} aria-describedby={describedBy(id("altText"), t("altTextHint"), errorOf("altText"))} />
            </div>
            {openProposal ? (
              <div className="mb-4">
                <input id={id("backgroundPaper")} name="backgroundPaper" type="checkbox" className="mr-2" defaultChecked={draft.backgroundPaper} aria-describedby={`${id("backgroundPaper")}-hint`} />
                <label htmlFor={id("backgroundPaper")}>{t("backgroundPaper")}</label>
                <FieldMessages id={id("backgroundPaper")} hint={t("backgroundPaperHint")} />
              </div>
            ) : null}
            {/* The file last: the fields above arrive first, before the file streams in. */}
            <div className="mb-4">
              <label htmlFor={id("file")} className="label">
                {t("file")}
              </label>
              <FieldMessages id={id("file")} hint={t("fileHint")} error={errorOf("file")} />
              <input
                id={id("file")}
                name="file"
                type="file"
                className="input"
                accept=".pdf,.docx,.xlsx,.odt,.ods,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                aria-invalid={errorOf("file") ? true : undefined}
                aria-describedby={describedBy(id("file"), t("fileHint"), errorOf("file"))}
              />
            </div>
            <button type="submit" className="button">
              {t("upload")}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
