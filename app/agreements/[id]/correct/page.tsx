import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { CorrectionForm } from "@/components/correction-form";
import { requirePageUser } from "@/lib/auth/session";
import { getAgreement } from "@/lib/data/agreements";
import { listLeadOfficerChoices } from "@/lib/data/users";
import { canCorrectDetails, NOT_CORRECTABLE_MESSAGE } from "@/lib/domain/lifecycle";
import { translateFieldMessage } from "@/lib/domain/validation/messages";
import { getPageLocale } from "@/lib/i18n/server";
import { correctDetailsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agreements.correct"))("title") };
}

export default async function CorrectDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/agreements/${id}/correct`, "agreement:edit");
  const [agreement, officers, t, locale] = await Promise.all([getAgreement(id), listLeadOfficerChoices(), getTranslations("agreements.correct"), getPageLocale()]);
  if (!agreement) notFound();
  const back = <BackLink href={`/agreements/${agreement.id}`}>{t("back")}</BackLink>;
  if (!canCorrectDetails(agreement.status, user.role)) {
    return (
      <>
        <h1>{t("cannot")}</h1>
        <p>{translateFieldMessage(NOT_CORRECTABLE_MESSAGE, locale)}</p>
        {back}
      </>
    );
  }
  const { partner } = agreement;
  const text = (value: number | string | null) => (value === null ? "" : String(value));
  return (
    <>
      {back}
      <h1>{t("heading", { partner: partner.name })}</h1>
      <p className="max-w-prose">{t("intro")}</p>
      <CorrectionForm
        action={correctDetailsAction}
        agreementId={agreement.id}
        version={agreement.version}
        current={{
          website: text(partner.website),
          region: text(partner.region),
          population: text(partner.population),
          latitude: text(partner.latitude),
          longitude: text(partner.longitude),
          wikidataId: text(partner.wikidataId),
          feedUrl: text(partner.feedUrl),
          leadOfficerId: text(agreement.leadOfficerId),
          internalNotes: agreement.internalNotes,
        }}
        officers={officers.map((officer) => ({ value: officer.id, label: officer.name }))}
        cancelHref={`/agreements/${agreement.id}`}
      />
    </>
  );
}
