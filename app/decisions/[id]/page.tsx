import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { describeDecisionMaker } from "@/components/decision-maker";
import { Link } from "@/components/link";
import { SummaryList } from "@/components/summary-list";
import { TranslatedText } from "@/components/public/translated-text";
import { getDecisionNotice } from "@/lib/data/decision-notices";
import { getSettings } from "@/lib/data/settings";
import type { DecisionNotice } from "@/lib/domain/decision-notices";
import { formatDate } from "@/lib/domain/format";
import { dateOf, safeWebsite } from "@/lib/domain/public-format";
import type { ShownText } from "@/lib/domain/public-translations";
import type { Locale } from "@/lib/i18n/locales";
import { getPageLocale, languageAlternates } from "@/lib/i18n/server";
import { partnerPagePath } from "@/lib/open-data/partners";

type Props = { params: Promise<{ id: string }> };

/** The public reason in the page's language, or the English marked "Not yet translated". */
function reasonIn(notice: DecisionNotice, locale: Locale): ShownText | null {
  if (!notice.publicReason) return null;
  if (locale === "en") return { text: notice.publicReason, untranslated: false };
  const translated = notice.publicReasonTranslations[locale];
  return translated ? { text: translated, untranslated: false } : { text: notice.publicReason, untranslated: true };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const [notice, t, languages] = await Promise.all([getDecisionNotice((await params).id), getTranslations("decisions.notices"), languageAlternates()]);
  if (!notice) return { title: t("title") };
  return { title: t("pageTitle", { partner: notice.partner.name, outcome: t(`outcome.${notice.outcome}`) }), alternates: { ...languages } };
}

/** One record of decision, as a council publishes it (Openness of Local Government Bodies Regulations 2014, regs 7–8). */
export default async function DecisionNoticePage({ params }: Props) {
  await connection();
  const { id } = await params;
  const [notice, locale, t, d, { councilName }] = await Promise.all([getDecisionNotice(id), getPageLocale(), getTranslations("decisions.notices"), getTranslations("decisions"), getSettings()]);
  if (!notice) notFound();
  const reason = reasonIn(notice, locale);
  const meetingRecord = safeWebsite(notice.meetingUrl);
  return (
    <>
      <p className="mb-2">
        <Link href="/decisions">{t("allDecisions")}</Link>
      </p>
      <h1>
        {notice.partner.name}: {t(`outcome.${notice.outcome}`)}
      </h1>
      <p className="text-slate-700">{councilName}</p>
      <SummaryList
        rows={[
          { label: t("decision"), value: t(`decisionText.${notice.outcome}`, { partner: notice.partner.name }) },
          { label: t("dateOfDecision"), value: <time dateTime={notice.decidedOn}>{formatDate(dateOf(notice.decidedOn), locale)}</time> },
          // Call-in (docs/decisions/023-call-in.md): while its period runs, the day it takes effect; else where a call-in stands.
          notice.effect.state === "waiting"
            ? { label: t("takesEffectOn"), value: <time dateTime={notice.effect.takesEffectOn}>{formatDate(dateOf(notice.effect.takesEffectOn), locale)}</time> }
            : { label: t("callIn"), value: notice.effect.state === "inEffect" ? null : notice.effect.state === "urgent" ? t("effect.urgent", { reason: notice.effect.urgencyReason }) : t(`effect.${notice.effect.state}`) },
          { label: t("route"), value: d(`route.${notice.route}`) },
          { label: t("decisionMaker"), value: describeDecisionMaker(notice.maker, d) },
          { label: t("reasons"), value: reason ? <TranslatedText shown={reason} /> : t("noPublicReason") },
          { label: t("alternativesConsidered"), value: notice.alternativesConsidered ?? t("noneRecorded") },
          { label: t("conflictsOfInterest"), value: notice.conflictsOfInterest ?? t("noneDeclared") },
          {
            label: t("backgroundPapers"),
            value:
              notice.backgroundPapers.length > 0 ? (
                <ul className="m-0 list-disc pl-5">
                  {notice.backgroundPapers.map((paper) => (
                    <li key={paper.href}>
                      <a href={paper.href}>{paper.title}</a>
                    </li>
                  ))}
                </ul>
              ) : (
                t("noPapers")
              ),
          },
          { label: t("reference"), value: notice.reference },
          { label: t("meetingRecord"), value: meetingRecord ? <a href={meetingRecord}>{meetingRecord}</a> : null },
        ]}
      />
      <p className="mt-6">
        <Link href={partnerPagePath(notice.partner.slug)}>{t("partnerPage")}</Link>
      </p>
    </>
  );
}
