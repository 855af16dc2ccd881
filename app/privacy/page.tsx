import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { StatementText } from "@/components/public/statement-text";
import { getSettings } from "@/lib/data/settings";
import { getStatements } from "@/lib/data/statements";
import { languageAlternates } from "@/lib/i18n/server";
import { siteOrigin } from "@/lib/web/request-context";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [{ councilName }, t, languages] = await Promise.all([getSettings(), getTranslations("statements"), languageAlternates()]);
  return { title: t("privacyTitle"), description: t("privacyDescription", { council: councilName }), alternates: languages };
}

/** The council’s privacy notice: its own text (admins edit it at /admin/settings), or the one generated from what the site knows. */
export default async function PrivacyPage() {
  await connection();
  const [t, origin] = await Promise.all([getTranslations("statements"), siteOrigin()]);
  const { privacy: statement } = await getStatements(origin);
  return (
    <>
      <h1>{t("privacyTitle")}</h1>
      {/* The council writes its own text in one language, English unless it says otherwise. */}
      <StatementText text={statement.text} lang={statement.edited ? "en-GB" : undefined} />
    </>
  );
}
