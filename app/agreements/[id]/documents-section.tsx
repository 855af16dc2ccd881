// The agreement page's "Documents": reads them and renders the section (a refused upload's problems and typed fields from the address) (components/documents-section.tsx).
import { DocumentsSection } from "@/components/documents-section";
import { getAgreementDocuments, hasOpenProposal } from "@/lib/data/documents";
import { can, type Actor } from "@/lib/domain/permissions";
import { documentDraftOf, documentProblemsOf } from "@/lib/domain/validation/document";
import { getPageLocale } from "@/lib/i18n/server";
import { removeDocumentAction } from "./documents/actions";

export async function AgreementDocuments({ agreementId, user, problem, draft }: { agreementId: string; user: Actor; problem: string | string[] | undefined; draft: string | string[] | undefined }) {
  const [documents, locale, openProposal] = await Promise.all([getAgreementDocuments(agreementId), getPageLocale(), hasOpenProposal(agreementId)]);
  return <DocumentsSection agreementId={agreementId} documents={documents} problems={documentProblemsOf(problem)} draft={documentDraftOf(draft)} locale={locale} openProposal={openProposal} removeAction={can(user, "agreement:edit") ? removeDocumentAction : null} />;
}
