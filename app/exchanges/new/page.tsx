import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { ExchangeForm } from "@/components/exchange-form";
import { requirePageUser } from "@/lib/auth/session";
import { listExchangeAgreementChoices } from "@/lib/data/exchanges";
import { agreementOptions, openedFrom } from "@/lib/exchanges/agreement-choices";
import { currencyOptions } from "@/lib/exchanges/currencies";
import { DEFAULT_CURRENCY } from "@/lib/domain/validation/exchange";
import { createExchangeAction } from "./actions";

export const metadata: Metadata = { title: "Log an exchange" };

export default async function NewExchangePage({ searchParams }: { searchParams: Promise<{ agreement?: string | string[] }> }) {
  await requirePageUser("/exchanges/new", "exchange:write");
  const { agreement } = await searchParams;
  const choices = await listExchangeAgreementChoices();
  const { chosen, back } = openedFrom(choices, agreement, { href: "/exchanges", label: "Back to exchanges" });
  return (
    <>
      <BackLink href={back.href}>{back.label}</BackLink>
      <h1>Log an exchange</h1>
      {choices.length === 0 ? (
        <p className="max-w-2xl">There is no active or suspended agreement to log an exchange under yet.</p>
      ) : (
        <ExchangeForm
          action={createExchangeAction}
          agreements={agreementOptions(choices)}
          currencies={currencyOptions()}
          defaultValues={{ agreementId: chosen?.id ?? "", kind: "", direction: "", currency: DEFAULT_CURRENCY, fundingSource: "", visibility: "INTERNAL" }}
        />
      )}
    </>
  );
}
