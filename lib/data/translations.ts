import "server-only";
import { db } from "@/lib/db";
import { CONTENT_LOCALES, type ContentLocale } from "@/lib/domain/validation/agreement";

export type AgreementTranslations = {
  /** The English text the translations are of. */
  publicSummary: string;
  /** The public reason shown for the current status (a paused or ended link), or null: nothing to translate. */
  publicReason: string | null;
  /** Each language's saved text; a field missing is not yet translated. */
  byLocale: Record<ContentLocale, { publicSummary: string | null; publicReason: string | null }>;
};

/** An agreement's public text and its translations, for the staff page's Translations section. */
export async function getAgreementTranslations(agreementId: string): Promise<AgreementTranslations | null> {
  const row = await db.agreement.findUnique({
    where: { id: agreementId },
    select: {
      status: true,
      publicSummary: true,
      translations: { select: { locale: true, publicSummary: true } },
      statusDecision: { select: { publicReason: true, translations: { select: { locale: true, publicReason: true } } } },
    },
  });
  if (!row) return null;
  const publicReason = row.status !== "ACTIVE" && row.statusDecision?.publicReason ? row.statusDecision.publicReason : null;
  const byLocale = Object.fromEntries(
    CONTENT_LOCALES.map((locale) => [
      locale,
      {
        publicSummary: row.translations.find((translation) => translation.locale === locale)?.publicSummary ?? null,
        publicReason: publicReason ? (row.statusDecision?.translations.find((translation) => translation.locale === locale)?.publicReason ?? null) : null,
      },
    ]),
  ) as AgreementTranslations["byLocale"];
  return { publicSummary: row.publicSummary, publicReason, byLocale };
}
