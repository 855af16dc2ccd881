import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SummaryList } from "@/components/summary-list";
import { getConfirmationPage } from "@/lib/data/contacts";
import { formatDate, formatDateTime } from "@/lib/domain/format";
import { labelsIn } from "@/lib/domain/labels";
import { queryChoice } from "@/lib/domain/validation/fields";
import { getPageLocale } from "@/lib/i18n/server";
import { AnswerForm } from "./answer-form";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ answered?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  // The address carries the link's token: never indexed (proxy.ts sends it with no Referer and no caching).
  return { title: (await getTranslations("partnerConfirmation.page"))("title"), robots: { index: false, follow: false } };
}

/**
 * The page a partner council's confirmation link opens (issue 23 item 3): the terms of the link in
 * plain words and the answer's form. Opening it uses nothing up (mail scanners open links). A link
 * that does not work says why: used, expired, outdated or unknown.
 */
export default async function ConfirmPartnershipPage({ params, searchParams }: Props) {
  const { token } = await params;
  const answered = queryChoice((await searchParams).answered, { confirmed: true, declined: true });
  const [page, locale, t] = await Promise.all([getConfirmationPage(token), getPageLocale(), getTranslations("partnerConfirmation.page")]);
  if (page.kind === "unusable") {
    // Just answered through this link: thanks, not "already used".
    if (answered && page.reason === "used") {
      return (
        <div className="max-w-2xl">
          <h1>{t("thanksTitle")}</h1>
          <p role="status">{t(answered === "confirmed" ? "thanksConfirmed" : "thanksDeclined", { council: page.councilName })}</p>
        </div>
      );
    }
    // Said on the page itself, not through notFound(): its not-found boundary rendered nothing
    // readable without JavaScript (e2e/contacts-confirmation.spec.ts opens it without). The status
    // (404 never sent, 410 Gone used, expired or outdated) is set by proxy.ts from the same rule.
    return (
      <div className="max-w-2xl">
        <h1>{t(`${page.reason}Title`)}</h1>
        <p>{t(`${page.reason}Body`)}</p>
      </div>
    );
  }
  const { terms, councilName } = page;
  const labels = labelsIn(locale);
  const names = { council: councilName, partner: terms.partnerName };
  return (
    <div className="max-w-3xl">
      <h1>{t("title")}</h1>
      <p>{t("intro", names)}</p>
      <h2>{t("termsHeading")}</h2>
      <p>{t("summary", { ...names, relationship: labels.relationshipType[terms.relationshipType], title: terms.title })}</p>
      <SummaryList
        rows={[
          { label: t("purpose"), value: terms.purpose },
          { label: t("themes"), value: terms.themes.map((theme) => labels.theme[theme]).join(", ") },
          { label: t("linkBegan"), value: formatDate(terms.linkBegan, locale) },
          { label: t("formalisedOn"), value: formatDate(terms.formalisedOn, locale) },
          { label: t("status"), value: labels.status[terms.status] },
          { label: t("publicSummary"), value: terms.publicSummary },
        ]}
      />
      <h2>{t("answerHeading")}</h2>
      <p>{t("expires", { when: formatDateTime(page.expiresAt, locale) })}</p>
      <AnswerForm token={token} words={{ formLabel: t("formLabel"), reference: t("reference"), referenceHint: t("referenceHint"), confirm: t("confirm"), decline: t("decline") }} />
    </div>
  );
}
