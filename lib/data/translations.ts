import "server-only";
import { db } from "@/lib/db";
import type { AgreementTranslations } from "@/lib/domain/public-translations";
import { CONTENT_LOCALES } from "@/lib/domain/validation/agreement";
import { isUuid } from "@/lib/domain/validation/fields";

/** An agreement's public text and its translations, for the staff page's Translations section. */
export async function getAgreementTranslations(agreementId: string): Promise<AgreementTranslations | null> {
  if (!isUuid(agreementId)) return null;
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
