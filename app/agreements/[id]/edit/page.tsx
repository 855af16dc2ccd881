import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { Link } from "@/components/link";
import { CORRECTABLE_STATUSES } from "@/lib/domain/lifecycle";
import { AgreementForm } from "@/components/agreement-form";
import { requirePageUser } from "@/lib/auth/session";
import { countryOptionsIn } from "@/lib/agreements/country-options";
import { getAgreement, listPartnerChoices } from "@/lib/data/agreements";
import { getPageLocale } from "@/lib/i18n/server";
import { NO_COUNTRY } from "@/lib/domain/countries";
import { updateAgreementAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agreements.edit"))("title") };
}

function isoDate(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

export default async function EditAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser(`/agreements/${id}/edit`, "agreement:edit");
  const [agreement, partners, t, locale] = await Promise.all([getAgreement(id), listPartnerChoices(), getTranslations("agreements.edit"), getPageLocale()]);
  if (!agreement) notFound();
  if (agreement.status !== "DRAFT") {
    return (
      <>
        <h1>{t("cannotEdit")}</h1>
        <p>{t("cannotEditBody")}</p>
        {CORRECTABLE_STATUSES.includes(agreement.status) ? <p>{t.rich("correctInstead", { link: (chunks) => <Link href={`/agreements/${agreement.id}/correct`}>{chunks}</Link> })}</p> : null}
        <BackLink href={`/agreements/${agreement.id}`}>{t("back")}</BackLink>
      </>
    );
  }
  const { partner } = agreement;
  return (
    <>
      <BackLink href={`/agreements/${agreement.id}`}>{t("back")}</BackLink>
      <h1>{t("heading", { partner: partner.name })}</h1>
      <AgreementForm
        action={updateAgreementAction}
        partners={partners.filter((choice) => choice.id !== partner.id)}
        countries={countryOptionsIn(locale)}
        edit={{ id: agreement.id, version: agreement.version }}
        defaultValues={{
          partnerName: partner.name,
          country: partner.country ?? NO_COUNTRY,
          region: partner.region ?? "",
          localityKind: partner.kind,
          latitude: partner.latitude ?? "",
          longitude: partner.longitude ?? "",
          population: partner.population ?? "",
          website: partner.website ?? "",
          localName: partner.localName ?? "",
          localNameLanguage: partner.localNameLanguage ?? "",
          wikidataId: partner.wikidataId ?? "",
          feedUrl: partner.feedUrl ?? "",
          relationshipType: agreement.relationshipType,
          title: agreement.title,
          purpose: agreement.purpose,
          themes: agreement.themes,
          linkBegan: isoDate(agreement.linkBegan),
          formalisedOn: isoDate(agreement.formalisedOn),
          reviewDate: isoDate(agreement.reviewDate),
          publicSummary: agreement.publicSummary,
          internalNotes: agreement.internalNotes,
          partnerDecisionDate: isoDate(agreement.partnerDecisionDate),
          partnerDecisionReference: agreement.partnerDecisionReference ?? "",
          id: agreement.id,
          version: agreement.version,
        }}
      />
    </>
  );
}
