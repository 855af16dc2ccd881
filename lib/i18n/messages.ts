// Every message of the site, by namespace and language. A namespace is one folder of messages/
// with a JSON file per language it is offered in: the shared chrome and the public pages in every
// language (LOCALES), the staff pages in English and Welsh (STAFF_LOCALES). A page in German uses
// the English text of a staff namespace (a signed-in officer reading a German public page sees
// the staff menu in English). lib/i18n/messages.test.ts checks every key exists in every language
// of its namespace and that no Welsh text is the English copied.
import commonCy from "@/messages/common/cy.json";
import commonDe from "@/messages/common/de.json";
import commonEn from "@/messages/common/en.json";
import commonFr from "@/messages/common/fr.json";
import publicCy from "@/messages/public/cy.json";
import publicDe from "@/messages/public/de.json";
import publicEn from "@/messages/public/en.json";
import publicFr from "@/messages/public/fr.json";
import labelsCy from "@/messages/labels/cy.json";
import labelsDe from "@/messages/labels/de.json";
import labelsEn from "@/messages/labels/en.json";
import labelsFr from "@/messages/labels/fr.json";
import confirmationsCy from "@/messages/confirmations/cy.json";
import confirmationsEn from "@/messages/confirmations/en.json";
import emailsCy from "@/messages/emails/cy.json";
import emailsEn from "@/messages/emails/en.json";
import accountCy from "@/messages/account/cy.json";
import accountEn from "@/messages/account/en.json";
import authCy from "@/messages/auth/cy.json";
import authEn from "@/messages/auth/en.json";
import activityCy from "@/messages/activity/cy.json";
import activityEn from "@/messages/activity/en.json";
import activityFormCy from "@/messages/activityForm/cy.json";
import activityFormEn from "@/messages/activityForm/en.json";
import formsCy from "@/messages/forms/cy.json";
import formsDe from "@/messages/forms/de.json";
import formsEn from "@/messages/forms/en.json";
import formsFr from "@/messages/forms/fr.json";
import agreementFormsCy from "@/messages/agreementForms/cy.json";
import agreementFormsEn from "@/messages/agreementForms/en.json";
import agreementsCy from "@/messages/agreements/cy.json";
import agreementsEn from "@/messages/agreements/en.json";
import dashboardCy from "@/messages/dashboard/cy.json";
import dashboardEn from "@/messages/dashboard/en.json";
import approvalsCy from "@/messages/approvals/cy.json";
import approvalsEn from "@/messages/approvals/en.json";
import contentCy from "@/messages/content/cy.json";
import contentDe from "@/messages/content/de.json";
import contentEn from "@/messages/content/en.json";
import contentFr from "@/messages/content/fr.json";
import adminCy from "@/messages/admin/cy.json";
import adminEn from "@/messages/admin/en.json";
import adminFormsCy from "@/messages/adminForms/cy.json";
import adminFormsEn from "@/messages/adminForms/en.json";
import validationCy from "@/messages/validation/cy.json";
import validationEn from "@/messages/validation/en.json";
import auditCy from "@/messages/audit/cy.json";
import auditEn from "@/messages/audit/en.json";
import outboxCy from "@/messages/outbox/cy.json";
import outboxEn from "@/messages/outbox/en.json";
import importFlowCy from "@/messages/importFlow/cy.json";
import importFlowEn from "@/messages/importFlow/en.json";
import importPageCy from "@/messages/importPage/cy.json";
import importPageEn from "@/messages/importPage/en.json";
import whatsOnCy from "@/messages/whatsOn/cy.json";
import whatsOnDe from "@/messages/whatsOn/de.json";
import whatsOnEn from "@/messages/whatsOn/en.json";
import whatsOnFr from "@/messages/whatsOn/fr.json";
import statementsCy from "@/messages/statements/cy.json";
import statementsDe from "@/messages/statements/de.json";
import statementsEn from "@/messages/statements/en.json";
import statementsFr from "@/messages/statements/fr.json";
import contactsCy from "@/messages/contacts/cy.json";
import documentsCy from "@/messages/documents/cy.json";
import documentsEn from "@/messages/documents/en.json";
import publicDocumentsCy from "@/messages/publicDocuments/cy.json";
import publicDocumentsDe from "@/messages/publicDocuments/de.json";
import publicDocumentsEn from "@/messages/publicDocuments/en.json";
import publicDocumentsFr from "@/messages/publicDocuments/fr.json";
import contactsEn from "@/messages/contacts/en.json";
import partnerConfirmationCy from "@/messages/partnerConfirmation/cy.json";
import partnerConfirmationDe from "@/messages/partnerConfirmation/de.json";
import partnerConfirmationEn from "@/messages/partnerConfirmation/en.json";
import partnerConfirmationFr from "@/messages/partnerConfirmation/fr.json";
import decisionsCy from "@/messages/decisions/cy.json";
import decisionsDe from "@/messages/decisions/de.json";
import decisionsEn from "@/messages/decisions/en.json";
import decisionsFr from "@/messages/decisions/fr.json";
import erasureCy from "@/messages/erasure/cy.json";
import erasureDe from "@/messages/erasure/de.json";
import erasureEn from "@/messages/erasure/en.json";
import erasureFr from "@/messages/erasure/fr.json";
import callInCy from "@/messages/callIn/cy.json";
import callInEn from "@/messages/callIn/en.json";
import annualReportCy from "@/messages/annualReport/cy.json";
import annualReportDe from "@/messages/annualReport/de.json";
import annualReportEn from "@/messages/annualReport/en.json";
import annualReportFr from "@/messages/annualReport/fr.json";
import twinningLinksCy from "@/messages/twinningLinks/cy.json";
import twinningLinksDe from "@/messages/twinningLinks/de.json";
import twinningLinksEn from "@/messages/twinningLinks/en.json";
import twinningLinksFr from "@/messages/twinningLinks/fr.json";
import { DEFAULT_LOCALE, type Locale } from "./locales";

type Translations<T> = { en: T } & Partial<Record<Exclude<Locale, "en">, T>>;

/** Each namespace's messages per language; English is the reference every other language matches. */
export const NAMESPACES = {
  common: { en: commonEn, cy: commonCy, de: commonDe, fr: commonFr },
  labels: { en: labelsEn, cy: labelsCy, de: labelsDe, fr: labelsFr },
  public: { en: publicEn, cy: publicCy, de: publicDe, fr: publicFr },
  confirmations: { en: confirmationsEn, cy: confirmationsCy },
  content: { en: contentEn, cy: contentCy, de: contentDe, fr: contentFr },
  whatsOn: { en: whatsOnEn, cy: whatsOnCy, de: whatsOnDe, fr: whatsOnFr },
  // The twinning-link standard's section of /open-data.
  twinningLinks: { en: twinningLinksEn, cy: twinningLinksCy, de: twinningLinksDe, fr: twinningLinksFr },
  annualReport: { en: annualReportEn, cy: annualReportCy, de: annualReportDe, fr: annualReportFr },
  statements: { en: statementsEn, cy: statementsCy, de: statementsDe, fr: statementsFr },
  // The error summary of every form, the partner's answer on /confirm/<token> among them (in each language of its page).
  forms: { en: formsEn, cy: formsCy, de: formsDe, fr: formsFr },
  agreementForms: { en: agreementFormsEn, cy: agreementFormsCy },
  agreements: { en: agreementsEn, cy: agreementsCy },
  dashboard: { en: dashboardEn, cy: dashboardCy },
  approvals: { en: approvalsEn, cy: approvalsCy },
  emails: { en: emailsEn, cy: emailsCy },
  account: { en: accountEn, cy: accountCy },
  auth: { en: authEn, cy: authCy },
  activity: { en: activityEn, cy: activityCy },
  activityForm: { en: activityFormEn, cy: activityFormCy },
  admin: { en: adminEn, cy: adminCy },
  adminForms: { en: adminFormsEn, cy: adminFormsCy },
  validation: { en: validationEn, cy: validationCy },
  audit: { en: auditEn, cy: auditCy },
  outbox: { en: outboxEn, cy: outboxCy },
  importFlow: { en: importFlowEn, cy: importFlowCy },
  importPage: { en: importPageEn, cy: importPageCy },
  contacts: { en: contactsEn, cy: contactsCy },
  // Documents on an agreement (staff) and the public documents of a partner page (every public language).
  documents: { en: documentsEn, cy: documentsCy },
  publicDocuments: { en: publicDocumentsEn, cy: publicDocumentsCy, de: publicDocumentsDe, fr: publicDocumentsFr },
  partnerConfirmation: { en: partnerConfirmationEn, cy: partnerConfirmationCy, de: partnerConfirmationDe, fr: partnerConfirmationFr },
  // Decision routes (the staff forms) and the public decision notices, in every language of the public pages.
  decisions: { en: decisionsEn, cy: decisionsCy, de: decisionsDe, fr: decisionsFr },
  // Where a decision's text was erased (issue 22): wherever decisions are shown, in every language.
  erasure: { en: erasureEn, cy: erasureCy, de: erasureDe, fr: erasureFr },
  // Call-in (docs/decisions/023-call-in.md): its staff forms and panels.
  callIn: { en: callInEn, cy: callInCy },
} satisfies Record<string, Translations<object>>;

export type Namespace = keyof typeof NAMESPACES;
export type Messages = { [N in Namespace]: (typeof NAMESPACES)[N]["en"] };

/** The messages a page in `locale` is given: each namespace in that language, else in English. */
export function messagesFor(locale: Locale): Messages {
  return Object.fromEntries(
    Object.entries(NAMESPACES).map(([name, translations]) => [name, (translations as Translations<object>)[locale] ?? (translations as Translations<object>)[DEFAULT_LOCALE]]),
  ) as Messages;
}

/**
 * The namespaces components in the browser read (forms and their errors): only these are sent
 * with every page, so a public page does not carry the whole staff vocabulary.
 */
export const CLIENT_NAMESPACES = ["common", "account", "auth", "activityForm", "forms", "agreementForms", "adminForms", "importFlow", "contacts", "decisions", "callIn"] as const satisfies readonly Namespace[];

/** The messages the browser is given for a page in `locale`. */
export function clientMessagesFor(locale: Locale): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  const all = messagesFor(locale);
  return Object.fromEntries(CLIENT_NAMESPACES.map((name) => [name, all[name]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
}
