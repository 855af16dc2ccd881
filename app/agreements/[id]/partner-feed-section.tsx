import { getTranslations } from "next-intl/server";
import { CheckFeedNowForm, ConfirmFeedMatchForm } from "@/components/partner-feed-forms";
import { Tag } from "@/components/status-tag";
import { SummaryList } from "@/components/summary-list";
import { getPartnerFeed } from "@/lib/data/partner-feeds";
import type { AgreementStatus } from "@/lib/domain/enums";
import { formatDate, formatDateTime } from "@/lib/domain/format";
import { isFeedMismatch } from "@/lib/domain/partner-feeds";
import { can, type Actor } from "@/lib/domain/permissions";
import { countryNameIn } from "@/lib/domain/public-format";
import { getPageLocale } from "@/lib/i18n/server";
import { checkFeedNowAction, confirmFeedMatchAction } from "./partner-feed/actions";

type Props = { agreement: { id: string; status: AgreementStatus }; partner: { id: string; name: string; feedUrl: string | null }; user: Actor };

/**
 * "What <partner> publishes about us" (issue 25 item 2): the latest reading of the partner's own
 * feed — listed and active, listed with another status, not listed, or why it could not be read —
 * since when, and how it matched us. Everything the feed said is shown as text (React escapes it).
 */
export async function PartnerFeedSection({ agreement, partner, user }: Props) {
  const [check, locale, t] = await Promise.all([getPartnerFeed(partner.id), getPageLocale(), getTranslations("agreements.partnerFeed")]);
  const mayAct = can(user, "agreement:edit");
  const heading = t("heading", { partner: partner.name });
  if (!partner.feedUrl) {
    return (
      <section aria-labelledby="partner-feed-heading">
        <h2 id="partner-feed-heading">{heading}</h2>
        <p>{t("noFeed", { partner: partner.name })}</p>
      </section>
    );
  }
  // A reading of an older address (the jobs have not read the new one yet) is not shown.
  const reading = check && check.feedUrl === partner.feedUrl ? check : null;
  const status = !reading?.outcome
    ? t("notReadYet")
    : reading.outcome === "LISTED_ACTIVE"
      ? t("listedActive")
      : reading.outcome === "LISTED_OTHER"
        ? t("listedOther", { status: reading.listedStatus ?? "" })
        : reading.outcome === "NOT_LISTED"
          ? t("notListed")
          : t("unreadable", { reason: reading.problem ?? "" });
  const nameMatch = reading?.matchedBy === "name" && reading.matchedName !== null;
  return (
    <section aria-labelledby="partner-feed-heading">
      <h2 id="partner-feed-heading">{heading}</h2>
      {reading?.outcome && isFeedMismatch(agreement.status, reading) ? (
        <p>
          <Tag tone="warning">{t("mismatch")}</Tag>
        </p>
      ) : null}
      <SummaryList
        rows={[
          { label: t("status"), value: <span data-testid="partner-feed-status">{status}</span> },
          { label: t("detail"), value: reading?.outcome === "UNREADABLE" ? reading.problemDetail : null },
          { label: t("since"), value: reading?.since ? formatDateTime(reading.since, locale) : null },
          {
            label: t("matchedBy"),
            value:
              reading?.matchedName && (reading.outcome === "LISTED_ACTIVE" || reading.outcome === "LISTED_OTHER")
                ? reading.matchedBy === "wikidata"
                  ? t("byWikidata", { name: reading.matchedName })
                  : t("byName", { name: reading.matchedName, country: reading.matchedCountry ? countryNameIn(reading.matchedCountry, locale) : "—" })
                : null,
          },
          { label: t("lastRead"), value: reading?.checkedAt ? formatDateTime(reading.checkedAt, locale) : null },
          { label: t("feedAddress"), value: <span className="break-all">{partner.feedUrl}</span> },
        ]}
      />
      {nameMatch && reading.matchConfirmedAt ? <p>{t("matchConfirmed", { date: formatDate(reading.matchConfirmedAt, locale) })}</p> : null}
      {nameMatch && !reading.matchConfirmedAt && (reading.outcome === "LISTED_ACTIVE" || reading.outcome === "LISTED_OTHER") ? (
        <>
          <p className="hint">{t("confirmHint")}</p>
          {mayAct ? <ConfirmFeedMatchForm action={confirmFeedMatchAction} agreementId={agreement.id} matchedName={reading.matchedName!} label={t("confirm")} /> : null}
        </>
      ) : null}
      {mayAct ? <CheckFeedNowForm action={checkFeedNowAction} agreementId={agreement.id} label={t("checkNow")} /> : null}
    </section>
  );
}
