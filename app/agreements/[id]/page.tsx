import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { Link } from "@/components/link";
import { AgreementActivity } from "@/components/agreement-activity";
import { AmendmentForm } from "@/components/amendment-form";
import { CommandForm, type PreviousProposal } from "@/components/command-form";
import { PartnerConfirmationForm } from "@/components/partner-confirmation-form";
import { ReviewForm } from "@/components/review-form";
import { StatusTag, Tag } from "@/components/status-tag";
import { ConfirmationBanner } from "@/components/success-banner";
import { SummaryList } from "@/components/summary-list";
import { Timeline } from "@/components/timeline";
import { requirePageUser } from "@/lib/auth/session";
import { getAgreementActivity } from "@/lib/data/activity";
import { getAgreement } from "@/lib/data/agreements";
import { resubmittedTerms } from "@/lib/domain/term-changes";
import { labelsIn } from "@/lib/domain/labels";
import { AMENDMENT_COMMAND, availableCommands, returnedProposal, canCorrectDetails, canRecordConfirmation, canRecordReview, isPartnerConfirmed, isPubliclyVisible } from "@/lib/domain/lifecycle";
import { formatDate, formatNumber } from "@/lib/domain/format";
import { countryNameIn } from "@/lib/domain/public-format";
import { getPageLocale } from "@/lib/i18n/server";
import { can } from "@/lib/domain/permissions";
import { AgreementTranslationsSection } from "@/components/agreement-translations";
import { getAgreementTranslations } from "@/lib/data/translations";
import { ForeignText } from "@/components/public/local-name";
import { wikidataUri } from "@/lib/domain/wikidata";
import { CONTENT_LOCALES, type ContentLocale } from "@/lib/domain/validation/agreement";
import { queryChoice } from "@/lib/domain/validation/fields";
import { RecordDecisionForm } from "@/components/decision-route-fields";
import { CallInSection } from "./call-in-section";
import { routeLines } from "@/components/decision-maker";
import { getSettings } from "@/lib/data/settings";
import { listExecutiveMemberChoices } from "@/lib/data/users";
import { isRecordedRoute } from "@/lib/domain/decision-routes";
import { mayRecordDecision } from "@/lib/domain/permissions";
import { isWaiting } from "@/lib/domain/call-in";
import { ContactsSection } from "./contacts-section";
import { PartnerFeedSection } from "./partner-feed-section";
import { AgreementDocuments } from "./documents-section";
import { agreementCommandAction, proposeAmendmentAction, recordConfirmationAction, recordDecisionAction, recordReviewAction, saveTranslationAction } from "./actions";

/** What the returned proposal said: reasons and the record of decision. */
function previousOf(proposal: PreviousProposal | undefined): PreviousProposal | undefined {
  return proposal ? { reason: proposal.reason, publicReason: proposal.publicReason, reference: proposal.reference, alternativesConsidered: proposal.alternativesConsidered, conflictsOfInterest: proposal.conflictsOfInterest, backgroundPapers: proposal.backgroundPapers } : undefined;
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ action?: string; done?: string | string[]; translation?: string | string[]; contact?: string | string[]; partner?: string | string[]; documentProblem?: string | string[]; documentDraft?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [agreement, t] = await Promise.all([getAgreement((await params).id), getTranslations("agreements.page")]);
  return { title: agreement ? t("title", { partner: agreement.partner.name }) : t("notFound") };
}

export default async function AgreementPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { action, done, translation, contact, partner: partnerForm, documentProblem, documentDraft } = await searchParams;
  const user = await requirePageUser(`/agreements/${id}`, "agreement:read");
  const [agreement, activity, translations] = await Promise.all([getAgreement(id), getAgreementActivity(id), getAgreementTranslations(id)]);
  if (!agreement || !activity) notFound();
  const [locale, t, f, d] = await Promise.all([getPageLocale(), getTranslations("agreements"), getTranslations("agreementForms"), getTranslations("decisions")]);
  const labels = labelsIn(locale);

  const openProposal = agreement.proposals.find((proposal) => proposal.state === "OPEN");
  // A decision waiting in its call-in period holds the agreement like an open proposal (docs/decisions/023-call-in.md).
  const commands = availableCommands(agreement.status, Boolean(openProposal) || agreement.proposals.some((proposal) => isWaiting(proposal.callIn)), user.role);
  const chosen = commands.find((command) => command === action);
  const returned = chosen ? returnedProposal(agreement.proposals, chosen) : undefined;
  const reviewable = canRecordReview(agreement.status, user.role);
  const reviewing = reviewable && action === "recordReview";
  const confirmable = canRecordConfirmation(agreement.status, user.role);
  const confirming = confirmable && action === "recordConfirmation";
  const correctable = canCorrectDetails(agreement.status, user.role);
  const proposalsById = new Map(agreement.proposals.map((proposal) => [proposal.id, proposal]));
  const unconfirmed = agreement.status === "ACTIVE" && !isPartnerConfirmed(agreement);
  const { partner } = agreement;
  // A proposal decided outside the app's vote: who may record its decision is the policy table's.
  const recordedOpen = openProposal && isRecordedRoute(openProposal.decisionRoute) ? openProposal : undefined;
  const recordable = recordedOpen !== undefined && mayRecordDecision(user, recordedOpen);
  const recording = recordable && action === "recordDecision";
  const routes = chosen ? { defaultRoute: (await getSettings()).defaultDecisionRoute, councillors: await listExecutiveMemberChoices() } : null;
  const lines = routeLines(agreement.decisions, proposalsById, d);
  const openLine = recordedOpen ? [...agreement.decisions].reverse().find((decision) => decision.proposalId === recordedOpen.id) : undefined;

  return (
    <>
      <BackLink href="/agreements">{t("page.back")}</BackLink>
      <ConfirmationBanner scope="agreement" done={done} />
      <h1 className="mb-1">{partner.name}</h1>
      <p className="mb-1 text-lg" data-testid="agreement-status">
        {t("page.status", { status: labels.status[agreement.status] })}
      </p>
      <div className="mb-6 flex flex-wrap gap-2">
        <StatusTag status={agreement.status} />
        {openProposal ? <Tag tone="warning">{t("proposed", { what: t(`proposalNoun.${openProposal.kind}`) })}</Tag> : null}
        {unconfirmed ? <Tag tone="warning">{t("page.notConfirmed")}</Tag> : null}
        {activity.dormant ? <Tag tone="warning">{t("dormant")}</Tag> : null}
      </div>

      {commands.length > 0 || reviewable || confirmable || correctable || recordable || (agreement.status === "DRAFT" && can(user, "agreement:edit")) ? (
        <section aria-labelledby="actions-heading" className="mb-8 rounded border border-slate-300 bg-slate-50 p-4">
          <h2 id="actions-heading" className="mt-0">
            {t("page.actionsHeading")}
          </h2>
          {recording ? (
            <RecordDecisionForm action={recordDecisionAction} proposalId={recordedOpen.id} route={recordedOpen.decisionRoute} cancelHref={`/agreements/${agreement.id}`} />
          ) : chosen === AMENDMENT_COMMAND && routes ? (
            <AmendmentForm
              action={proposeAmendmentAction}
              agreementId={agreement.id}
              version={agreement.version}
              terms={returned ? resubmittedTerms(agreement, returned.changes) : agreement}
              previous={previousOf(returned)}
              cancelHref={`/agreements/${agreement.id}`}
              routes={routes}
            />
          ) : chosen && routes ? (
            <CommandForm action={agreementCommandAction} command={chosen} agreementId={agreement.id} version={agreement.version} cancelHref={`/agreements/${agreement.id}`} previous={previousOf(returned)} routes={routes} />
          ) : reviewing ? (
            <ReviewForm action={recordReviewAction} agreementId={agreement.id} version={agreement.version} cancelHref={`/agreements/${agreement.id}`} />
          ) : confirming ? (
            <PartnerConfirmationForm
              action={recordConfirmationAction}
              agreementId={agreement.id}
              version={agreement.version}
              current={{ partnerDecisionDate: agreement.partnerDecisionDate?.toISOString().slice(0, 10) ?? "", partnerDecisionReference: agreement.partnerDecisionReference ?? "" }}
              cancelHref={`/agreements/${agreement.id}`}
            />
          ) : (
            <div className="flex flex-wrap gap-3">
              {agreement.status === "DRAFT" && can(user, "agreement:edit") ? (
                <Link href={`/agreements/${agreement.id}/edit`} className="button-secondary">
                  {t("page.editDraft")}
                </Link>
              ) : null}
              {correctable ? (
                <Link href={`/agreements/${agreement.id}/correct`} className="button-secondary">
                  {f("commands.correctDetails")}
                </Link>
              ) : null}
              {/* A plain GET form: the chosen command's form opens without JavaScript. */}
              <form method="get" className="flex flex-wrap gap-3">
                {recordable ? (
                  <button type="submit" name="action" value="recordDecision" className="button">
                    {d("record.button")}
                  </button>
                ) : null}
                {reviewable ? (
                  <button type="submit" name="action" value="recordReview" className="button">
                    {f("commands.recordReview")}
                  </button>
                ) : null}
                {confirmable ? (
                  <button type="submit" name="action" value="recordConfirmation" className="button">
                    {f("commands.recordConfirmation")}
                  </button>
                ) : null}
                {commands.map((command) => (
                  <button key={command} type="submit" name="action" value={command} className={command === "withdraw" || command === "proposeTermination" ? "button-danger" : command === AMENDMENT_COMMAND ? "button-secondary" : "button"}>
                    {f(`commands.${command}`)}
                  </button>
                ))}
              </form>
            </div>
          )}
        </section>
      ) : null}
      {recordedOpen && openLine ? (
        <p className="mb-6" data-testid="decision-route">
          {d(recordable ? "record.awaiting" : "record.notYours", { route: lines.get(openLine.id)?.route ?? "", maker: lines.get(openLine.id)?.maker ?? "" })}
        </p>
      ) : openProposal && user.role === "COUNCILLOR" ? (
        <p className="mb-6">
          {t.rich("page.awaitsDecision", { link: (chunks) => <Link href="/approvals">{chunks}</Link> })}
        </p>
      ) : null}

      <CallInSection agreementId={agreement.id} user={user} />

      <h2>{t("page.agreementHeading")}</h2>
      <SummaryList
        rows={[
          { label: f("agreement.title"), value: agreement.title },
          { label: f("agreement.relationshipType"), value: labels.relationshipType[agreement.relationshipType] },
          { label: f("agreement.linkBegan"), value: formatDate(agreement.linkBegan, locale) },
          { label: f("agreement.formalisedOn"), value: formatDate(agreement.formalisedOn, locale) },
          { label: f("agreement.purpose"), value: agreement.purpose },
          { label: f("agreement.themes"), value: agreement.themes.map((theme) => labels.theme[theme]).join(", ") },
          { label: f("agreement.reviewDate"), value: formatDate(agreement.reviewDate, locale) },
          { label: t("page.leadOfficer"), value: agreement.leadOfficer?.name },
          { label: f("agreement.publicSummary"), value: agreement.publicSummary },
          { label: f("agreement.internalNotes"), value: agreement.internalNotes },
          { label: f("agreement.partnerDecisionDate"), value: formatDate(agreement.partnerDecisionDate, locale) },
          { label: f("agreement.partnerDecisionReference"), value: agreement.partnerDecisionReference },
        ]}
      />

      <h2>{t("page.partnerHeading")}</h2>
      <SummaryList
        rows={[
          { label: f("agreement.partnerName"), value: partner.name },
          { label: f("agreement.country"), value: partner.country ? countryNameIn(partner.country, locale) : t("list.noCountry") },
          { label: f("agreement.region"), value: partner.region },
          { label: f("agreement.localityKind"), value: labels.localityKind[partner.kind] },
          { label: f("agreement.population"), value: partner.population === null ? null : formatNumber(partner.population, locale) },
          { label: f("agreement.latitude"), value: partner.latitude?.toString() },
          { label: f("agreement.longitude"), value: partner.longitude?.toString() },
          { label: f("agreement.website"), value: partner.website ? <a href={partner.website}>{partner.website}</a> : null },
          { label: f("agreement.localName"), value: partner.localName && partner.localNameLanguage ? <ForeignText text={partner.localName} language={partner.localNameLanguage} /> : null },
          { label: f("agreement.localNameLanguage"), value: partner.localNameLanguage },
          { label: f("agreement.wikidataId"), value: partner.wikidataId ? <a href={wikidataUri(partner.wikidataId)}>{partner.wikidataId}</a> : null },
          { label: f("agreement.feedUrl"), value: partner.feedUrl ? <span className="break-all">{partner.feedUrl}</span> : null },
          {
            label: t("page.publicPage"),
            value: isPubliclyVisible(agreement.status) ? <Link href={`/partners/${partner.slug}`}>/partners/{partner.slug}</Link> : null,
          },
        ]}
      />

      <PartnerFeedSection agreement={agreement} partner={partner} user={user} />

      {translations ? (
        <AgreementTranslationsSection
          agreementId={agreement.id}
          translations={translations}
          chosen={queryChoice(translation, Object.fromEntries(CONTENT_LOCALES.map((locale) => [locale, true])) as Record<ContentLocale, true>) ?? "cy"}
          action={can(user, "agreement:edit") ? saveTranslationAction : null}
        />
      ) : null}

      <ContactsSection agreement={agreement} user={user} contact={contact} partner={partnerForm} done={done} />

      <AgreementDocuments agreementId={agreement.id} user={user} problem={documentProblem} draft={documentDraft} />

      <AgreementActivity activity={activity} user={user} />

      <h2>{t("page.decisionsHeading")}</h2>
      <Timeline
        entries={agreement.decisions.map((decision) => ({
          ...decision,
          proposal: decision.kind === "SUBMITTED" || decision.kind === "PROPOSED" ? proposalsById.get(decision.proposalId ?? "") : null,
          route: lines.get(decision.id) ?? null,
        }))}
      />
    </>
  );
}
