import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { DeleteRecordForm } from "@/components/cancel-delete-forms";
import { ExchangeForm } from "@/components/exchange-form";
import { Link } from "@/components/link";
import { requirePageUser } from "@/lib/auth/session";
import { getExchange, listExchangeAgreementChoices } from "@/lib/data/exchanges";
import { agreementOptions } from "@/lib/exchanges/agreement-choices";
import { currencyOptions } from "@/lib/exchanges/currencies";
import { formatDate } from "@/lib/domain/format";
import { DEFAULT_CURRENCY } from "@/lib/domain/validation/exchange";
import { getPageLocale } from "@/lib/i18n/server";
import { deleteExchangeAction, updateExchangeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity.exchanges"))("editTitle") };
}

function isoDate(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EditExchangePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  await requirePageUser(`/exchanges/${id}/edit`, "exchange:write");
  const exchange = await getExchange(id);
  if (!exchange) notFound();
  const [choices, t, locale] = await Promise.all([listExchangeAgreementChoices(exchange.agreementId), getTranslations("activity"), getPageLocale()]);
  const editPath = `/exchanges/${exchange.id}/edit`;
  // Deleting takes two steps: the link below opens the second (a plain GET, so it works without JavaScript).
  if ((await searchParams).delete === "confirm") {
    return (
      <>
        <BackLink href={editPath}>{(await getTranslations("activityForm.deleteExchange"))("keep")}</BackLink>
        <h1>{t("exchanges.delete.confirmHeading", { partner: exchange.agreement.partner.name, date: formatDate(exchange.startDate, locale) })}</h1>
        <p className="max-w-2xl border-l-8 border-error bg-red-50 p-3">{t("exchanges.delete.confirmIntro")}</p>
        <DeleteRecordForm action={deleteExchangeAction} kind="exchange" id={exchange.id} keepHref={editPath} />
      </>
    );
  }
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
          purpose: exchange.purpose,
          outcomes: exchange.outcomes,
          visibility: exchange.visibility,
          id: exchange.id,
          updatedAt: exchange.updatedAt.toISOString(),
        }}
      />
      <section aria-labelledby="delete-heading" className="mt-10 max-w-3xl">
        <h2 id="delete-heading">{t("exchanges.delete.heading")}</h2>
        <p>{t("exchanges.delete.intro")}</p>
        <p>
          <Link href={`${editPath}?delete=confirm`} className="button-secondary">
            {t("exchanges.delete.start")}
          </Link>
        </p>
      </section>
    </>
  );
}
