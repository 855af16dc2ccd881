import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { ExchangeForm } from "@/components/exchange-form";
import { requirePageUser } from "@/lib/auth/session";
import { getExchange, listExchangeAgreementChoices } from "@/lib/data/exchanges";
import { agreementOptions } from "@/lib/exchanges/agreement-choices";
import { currencyOptions } from "@/lib/exchanges/currencies";
import { formatDate } from "@/lib/domain/format";
import { DEFAULT_CURRENCY } from "@/lib/domain/validation/exchange";
import { getPageLocale } from "@/lib/i18n/server";
import { updateExchangeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity.exchanges"))("editTitle") };
}

function isoDate(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

export default async function EditExchangePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser(`/exchanges/${id}/edit`, "exchange:write");
  const exchange = await getExchange(id);
  if (!exchange) notFound();
  const [choices, t, locale] = await Promise.all([listExchangeAgreementChoices(exchange.agreementId), getTranslations("activity"), getPageLocale()]);
  return (
    <>
      <BackLink href={`/agreements/${exchange.agreementId}`}>{t("backTo", { name: exchange.agreement.partner.name })}</BackLink>
      <h1>{t("exchanges.editHeading", { partner: exchange.agreement.partner.name, date: formatDate(exchange.startDate, locale) })}</h1>
      <ExchangeForm
        action={updateExchangeAction}
        agreements={agreementOptions(choices, locale)}
        currencies={currencyOptions()}
        edit={{ id: exchange.id, updatedAt: exchange.updatedAt.toISOString() }}
        defaultValues={{
          agreementId: exchange.agreementId,
          kind: exchange.kind,
          direction: exchange.direction,
          startDate: isoDate(exchange.startDate),
          endDate: isoDate(exchange.endDate),
          participantCount: exchange.participantCount ?? "",
          participantsDescription: exchange.participantsDescription,
          cost: exchange.cost ?? "",
          currency: exchange.currency ?? DEFAULT_CURRENCY,
          fundingSource: exchange.fundingSource ?? "",
          outcomes: exchange.outcomes,
          visibility: exchange.visibility,
          id: exchange.id,
          updatedAt: exchange.updatedAt.toISOString(),
        }}
      />
    </>
  );
}
