import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/back-link";
import { ExchangeForm } from "@/components/exchange-form";
import { requirePageUser } from "@/lib/auth/session";
import { listExchangeAgreementChoices } from "@/lib/data/exchanges";
import { agreementOptions, openedFrom } from "@/lib/exchanges/agreement-choices";
import { getPageLocale } from "@/lib/i18n/server";
import { currencyOptions } from "@/lib/exchanges/currencies";
import { DEFAULT_CURRENCY } from "@/lib/domain/validation/exchange";
import { createExchangeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity.exchanges"))("add") };
}

export default async function NewExchangePage({ searchParams }: { searchParams: Promise<{ agreement?: string | string[] }> }) {
  await requirePageUser("/exchanges/new", "exchange:write");
  const { agreement } = await searchParams;
  const [choices, t, tActivity, locale] = await Promise.all([listExchangeAgreementChoices(), getTranslations("activity.exchanges"), getTranslations("activity"), getPageLocale()]);
  const { chosen, back } = openedFrom(choices, agreement, { href: "/exchanges", label: t("back") }, (name) => tActivity("backTo", { name }));
  return (
    <>
      <BackLink href={back.href}>{back.label}</BackLink>
      <h1>{t("add")}</h1>
      {choices.length === 0 ? (
        <p className="max-w-2xl">{t("noAgreement")}</p>
      ) : (
        <ExchangeForm
          action={createExchangeAction}
          agreements={agreementOptions(choices, locale)}
          currencies={currencyOptions()}
          defaultValues={{ agreementId: chosen?.id ?? "", kind: "", direction: "", currency: DEFAULT_CURRENCY, fundingSource: "", visibility: "INTERNAL" }}
        />
      )}
    </>
  );
}
