import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { AgreementForm } from "@/components/agreement-form";
import { requirePageUser } from "@/lib/auth/session";
import { getAgreement, listPartnerChoices } from "@/lib/data/agreements";
import { NO_COUNTRY } from "@/lib/domain/countries";
import { updateAgreementAction } from "./actions";

export const metadata: Metadata = { title: "Edit draft agreement" };

function isoDate(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

export default async function EditAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser(`/agreements/${id}/edit`, "agreement:edit");
  const [agreement, partners] = await Promise.all([getAgreement(id), listPartnerChoices()]);
  if (!agreement) notFound();
  if (agreement.status !== "DRAFT") {
    return (
      <>
        <h1>This agreement cannot be edited</h1>
        <p>Only draft agreements can be edited. Changes to an agreement in force go through a proposal that councillors decide.</p>
        <BackLink href={`/agreements/${agreement.id}`}>Back to the agreement</BackLink>
      </>
    );
  }
  const { partner } = agreement;
  return (
    <>
      <BackLink href={`/agreements/${agreement.id}`}>Back to the agreement</BackLink>
      <h1>Edit draft: {partner.name}</h1>
      <AgreementForm
        action={updateAgreementAction}
        partners={partners.filter((choice) => choice.id !== partner.id)}
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
