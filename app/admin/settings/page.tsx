import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/admin-forms";
import { requirePageUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/data/settings";
import { StatementsForm } from "@/components/statements-form";
import { getPublicStatements, getStatements } from "@/lib/data/statements";
import { siteOrigin } from "@/lib/web/request-context";
import { updateSettingsAction, updateStatementsAction } from "./actions";
import { BankHolidaysSection } from "./bank-holidays-section";

const STATEMENT_LABELS = [
  "formLabel",
  "submit",
  "contactAddress",
  "contactAddressHint",
  "accessibilityStatement",
  "accessibilityStatementHint",
  "privacyNotice",
  "privacyNoticeHint",
  "generated",
] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.settings"))("title") };
}

export default async function SettingsPage() {
  await requirePageUser("/admin/settings", "settings:manage");
  const [settings, t, tStatements, origin, edited] = await Promise.all([getSettings(), getTranslations("admin.settings"), getTranslations("statements.form"), siteOrigin(), getPublicStatements()]);
  const statements = { ...(await getStatements(origin)), edited: { accessibility: edited.accessibilityStatement, privacy: edited.privacyNotice } };
  return (
    <>
      <h1>{t("title")}</h1>
      <SettingsForm action={updateSettingsAction} values={{ ...settings }} />
      <BankHolidaysSection />
      <section aria-labelledby="statements-heading" className="mt-12">
        <h2 id="statements-heading">{tStatements("heading")}</h2>
        <p className="max-w-3xl">{tStatements("intro")}</p>
        <StatementsForm
          action={updateStatementsAction}
          values={{ contactAddress: statements.contactAddress ?? "", accessibilityStatement: statements.edited.accessibility ?? "", privacyNotice: statements.edited.privacy ?? "" }}
          labels={Object.fromEntries(STATEMENT_LABELS.map((key) => [key, tStatements(key)])) as Record<(typeof STATEMENT_LABELS)[number], string>}
          generated={{ accessibility: statements.accessibility.generated, privacy: statements.privacy.generated }}
        />
      </section>
    </>
  );
}
