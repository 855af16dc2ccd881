import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/back-link";
import { AgreementForm } from "@/components/agreement-form";
import { requirePageUser } from "@/lib/auth/session";
import { countryOptionsIn } from "@/lib/agreements/country-options";
import { listPartnerChoices } from "@/lib/data/agreements";
import { getPageLocale } from "@/lib/i18n/server";
import { createAgreementAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agreements.new"))("title") };
}

export default async function NewAgreementPage() {
  await requirePageUser("/agreements/new", "agreement:draft");
  const [partners, t, back, locale] = await Promise.all([listPartnerChoices(), getTranslations("agreements.new"), getTranslations("agreements.page"), getPageLocale()]);
  return (
    <>
      <BackLink href="/agreements">{back("back")}</BackLink>
      <h1>{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      <AgreementForm
        action={createAgreementAction}
        partners={partners}
        countries={countryOptionsIn(locale)}
        defaultValues={{ localityKind: "TOWN", relationshipType: "TWIN_TOWN", themes: [] }}
      />
    </>
  );
}
