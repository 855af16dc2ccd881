import "server-only";
import { memoUntilChanged } from "@/lib/cache";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { contactInline, inaccessibleContentText } from "@/lib/domain/statements";
import { getInaccessiblePublicDocuments } from "./documents";
import { getSettings } from "./settings";

export type PublicStatements = {
  /** The council's contact address (email or postal), or null: none set. */
  contactAddress: string | null;
  /** The statements as an admin wrote them; null: the generated text is shown. */
  accessibilityStatement: string | null;
  privacyNotice: string | null;
};

const NONE: PublicStatements = { contactAddress: null, accessibilityStatement: null, privacyNotice: null };

/** The footer's contact and the two statements (a CouncilSettings row), kept until the settings change. */
export const getPublicStatements = memoUntilChanged(
  { topics: ["settings"], maxEntries: 1 },
  async (): Promise<PublicStatements> =>
    (await db.councilSettings.findUnique({ where: { id: 1 }, select: { contactAddress: true, accessibilityStatement: true, privacyNotice: true } })) ?? NONE,
);

/**
 * Public documents that are not marked accessible: the accessibility statement lists each under
 * "Content that is not accessible", and with any the site is only partially compliant. A change to
 * a document signals the topic "links" (migration 20261206500200_document_change_signal), which
 * renews the public page cache the statement is served from.
 */
export async function listInaccessiblePublicDocuments(): Promise<{ id: string; title: string }[]> {
  return (await getInaccessiblePublicDocuments()).map(({ id, title }) => ({ id, title }));
}

export type Statement = {
  /** The text shown: the admin's, else the generated one. */
  text: string;
  /** The admin wrote it (not the generated text). */
  edited: boolean;
  /** The text the site generates from what it knows (the retention settings, the data map, the documents), in the page's language. */
  generated: string;
};

/**
 * The accessibility statement and the privacy notice as published: the council's own text, or
 * the one generated from its settings in the page's language (`site`: the site's public address).
 */
export async function getStatements(site: string): Promise<{ accessibility: Statement; privacy: Statement; contactAddress: string | null }> {
  const [statements, settings, documents, t] = await Promise.all([getPublicStatements(), getSettings(), listInaccessiblePublicDocuments(), getTranslations("statements")]);
  const contact = statements.contactAddress ? contactInline(statements.contactAddress) : t("noContact");
  const accessibility = t("accessibilityDefault", {
    council: settings.councilName,
    site,
    contact,
    status: documents.length === 0 ? "full" : "partial",
    problems: inaccessibleContentText(documents, (title) => t("documentNotAccessible", { title }), t("noProblems")),
  });
  const privacy = t("privacyDefault", {
    council: settings.councilName,
    contact,
    auditAddressMonths: String(settings.auditAddressMonths),
    failedSignInDays: String(settings.failedSignInDays),
    sentEmailDays: String(settings.sentEmailDays),
    participantsMonths: String(settings.participantsMonths),
  });
  return {
    accessibility: { text: statements.accessibilityStatement ?? accessibility, edited: statements.accessibilityStatement !== null, generated: accessibility },
    privacy: { text: statements.privacyNotice ?? privacy, edited: statements.privacyNotice !== null, generated: privacy },
    contactAddress: statements.contactAddress,
  };
}
