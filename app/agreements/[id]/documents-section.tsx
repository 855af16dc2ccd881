// The agreement page's "Documents": reads them and renders the section (components/documents-section.tsx).
import { DocumentsSection } from "@/components/documents-section";
import { getAgreementDocuments, hasOpenProposal } from "@/lib/data/documents";
import { can, type Actor } from "@/lib/domain/permissions";
import { documentProblemsOf } from "@/lib/domain/validation/document";
import { getPageLocale } from "@/lib/i18n/server";
import { removeDocumentAction } from "./documents/actions";

export async function AgreementDocuments({ agreementId, user, problem }: { agreementId: string; user: Actor; problem: string | string[] | undefined }) {
  const [documents, locale, openProposal] = await Promise.all([getAgreementDocuments(agreementId), getPageLocale(), hasOpenProposal(agreementId)]);
  return <DocumentsSection agreementId={agreementId} documents={documents} problems={documentProblemsOf(problem)} locale={locale} openProposal={openProposal} removeAction={can(user, "agreement:edit") ? removeDocumentAction : null} />;
}
