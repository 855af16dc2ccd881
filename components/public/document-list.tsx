// The public documents of a partner page: each a download link with its type and size, those not
// marked accessible said so, and how to ask for an accessible format.
import { getTranslations } from "next-intl/server";
import type { DocumentType } from "@/lib/domain/enums";
import { formatFileSize } from "@/lib/domain/documents";
import type { Locale } from "@/lib/i18n/locales";

export type PublicDocumentItem = { id: string; title: string; type: DocumentType; size: number; accessible: boolean };

export async function PublicDocumentList({ documents, locale }: { documents: PublicDocumentItem[]; locale: Locale }) {
  if (documents.length === 0) return null;
  const t = await getTranslations("publicDocuments");
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t("publicHeading")}</h2>
      <p>{t("publicIntro")}</p>
      <ul>
        {documents.map((document) => (
          <li key={document.id}>
            <a href={`/documents/${document.id}`} download>
              {document.title}
            </a>{" "}
            ({t(`types.${document.type}`)}, {formatFileSize(document.size, locale)}
            {document.accessible ? "" : `; ${t("notAccessibleNote")}`})
          </li>
        ))}
      </ul>
      <p>{t("accessibleFormat")}</p>
    </section>
  );
}
