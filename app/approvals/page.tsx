import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DetailRow } from "@/components/detail-row";
import { Link } from "@/components/link";
import { StatusTag } from "@/components/status-tag";
import { ForeignText } from "@/components/public/local-name";
import { ConfirmationBanner } from "@/components/success-banner";
import { SummaryList } from "@/components/summary-list";
import { TermChangeRows } from "@/components/term-changes";
import { Timeline } from "@/components/timeline";
import { VoteChoice, VoteForm, type VoteDecision } from "@/components/vote-form";
import { requirePageUser } from "@/lib/auth/session";
import { listOpenProposals } from "@/lib/data/agreements";
import { getSettings } from "@/lib/data/settings";
import { labelsIn } from "@/lib/domain/labels";
import { formatDate, formatDateTime, formatMoney } from "@/lib/domain/format";
import { isPartnerConfirmed } from "@/lib/domain/lifecycle";
import { readTermChanges } from "@/lib/domain/term-changes";
import { queryChoice, queryParam } from "@/lib/domain/validation/fields";
import { countryNameIn } from "@/lib/domain/public-format";
import { getPageLocale } from "@/lib/i18n/server";
import { describeDecisionMaker } from "@/components/decision-maker";
import { decisionMaker, isRecordedRoute } from "@/lib/domain/decision-routes";
import { voteAction } from "./actions";

type Vote = { id: string; kind: string; reason: string | null; actor: { name: string } | null };

/** Each councillor's vote on a proposal, with their reason. */
function Votes({ votes, t, className }: { votes: readonly Vote[]; t: Awaited<ReturnType<typeof getTranslations<"approvals">>>; className: string }) {
  return (
    <ul className={className}>
      {votes.map((vote) => (
        <li key={vote.id}>
          {vote.actor?.name}: {vote.kind === "APPROVED" ? t("votedApproved") : t("votedRejected")}
          {vote.reason ? ` — ${vote.reason}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** "Confirmed by the partner council on …" (with its reference), or "Not confirmed by partner". */
function partnerConfirmation(
  agreement: { partnerDecisionDate: Date | null; partnerDecisionReference: string | null },
  t: Awaited<ReturnType<typeof getTranslations<"approvals">>>,
  notConfirmed: string,
  locale: Awaited<ReturnType<typeof getPageLocale>>,
): string {
  if (!isPartnerConfirmed(agreement)) return notConfirmed;
  const date = formatDate(agreement.partnerDecisionDate, locale);
  const reference = agreement.partnerDecisionReference;
  if (date && reference) return t("confirmedOnWithReference", { date, reference });
  return date ? t("confirmedOn", { date }) : t("confirmedWithReference", { reference: reference ?? "" });
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("approvals"))("title") };
}

const DECISIONS: Record<VoteDecision, true> = { approve: true, reject: true };

type Props = { searchParams: Promise<{ done?: string | string[]; confirm?: string | string[]; decision?: string | string[] }> };

export default async function ApprovalsPage({ searchParams }: Props) {
  const user = await requirePageUser("/approvals", "proposal:decide");
  const params = await searchParams;
  // The confirmation step of one card: ?confirm=<proposal>&decision=approve|reject (see VoteChoice).
  const confirming = { proposalId: queryParam(params.confirm), decision: queryChoice(params.decision, DECISIONS) };
  const [proposals, settings, locale, t, tA, f, d] = await Promise.all([
    listOpenProposals(),
    getSettings(),
    getPageLocale(),
    getTranslations("approvals"),
    getTranslations("agreements"),
    getTranslations("agreementForms.agreement"),
    getTranslations("decisions"),
  ]);
  const labels = labelsIn(locale);
  return (
    <>
      <ConfirmationBanner scope="vote" done={params.done} />
      <h1>{t("title")}</h1>
      <p className="max-w-2xl">{t("intro", { needed: settings.approvalsNeeded })}</p>
      {proposals.length === 0 ? <p>{t("none")}</p> : null}
      {proposals.map((proposal) => {
        const { agreement } = proposal;
        const headingId = `proposal-${proposal.id}`;
        const myVote = proposal.decisions.find((vote) => vote.actor?.id === user.id);
        const ownProposal = proposal.proposer.id === user.id;
        const approvals = proposal.decisions.filter((vote) => vote.kind === "APPROVED").length;
        const { partner } = agreement;
        const country = partner.country ? countryNameIn(partner.country, locale) : tA("list.noCountry");
        const decisionLabel = t("decide", { kind: labels.proposalKind[proposal.kind], partner: partner.name });
        const decision = confirming.proposalId === proposal.id ? confirming.decision : undefined;
        const changes = readTermChanges(proposal.changes);
        const recorded = isRecordedRoute(proposal.decisionRoute);
        const maker = describeDecisionMaker(decisionMaker({ ...proposal, recordedBy: null, approvers: [] }), d);
        return (
          <section key={proposal.id} aria-labelledby={headingId} className="mb-8 rounded border-2 border-slate-300 p-4">
            <h2 id={headingId} className="mt-0">
              {labels.proposalKind[proposal.kind]}: {agreement.partner.name}
            </h2>
            <p>
              <Link href={`/agreements/${agreement.id}`}>
                {t("agreementLink", { type: labels.relationshipType[agreement.relationshipType], partner: partner.name, country })}
              </Link>{" "}
              <StatusTag status={agreement.status} />
            </p>
            <dl className="my-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
              <dt className="font-semibold">{t("proposedBy")}</dt>
              <dd>
                {proposal.proposer.name}, {formatDateTime(proposal.createdAt, locale)}
              </dd>
              <DetailRow label={t("theirReason")} value={proposal.reason} />
              <DetailRow label={t("publicReason")} value={proposal.publicReason} />
              <DetailRow label={t("reference")} value={proposal.reference} />
              <DetailRow label={d("history.route")} value={d(`route.${proposal.decisionRoute}`)} />
              <DetailRow label={d("history.decisionMaker")} value={maker} />
              <DetailRow label={t("alternativesConsidered")} value={proposal.alternativesConsidered} />
              <DetailRow label={t("conflictsOfInterest")} value={proposal.conflictsOfInterest} />
              <DetailRow label={t("backgroundPapers")} value={proposal.backgroundPapers} />
              <dt className="font-semibold">{t("votesSoFar")}</dt>
              <dd>
                {t("approvalsCount", { approvals, needed: settings.approvalsNeeded })}
                {proposal.decisions.length > 0 ? <Votes votes={proposal.decisions} t={t} className="list-disc pl-5" /> : null}
              </dd>
            </dl>
            {changes ? (
              <>
                <h3>{t("changesHeading")}</h3>
                <dl className="my-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid="amendment-changes">
                  <TermChangeRows changes={changes} />
                </dl>
              </>
            ) : null}
            <h3>{t("agreementHeading")}</h3>
            <SummaryList
              rows={[
                { label: f("title"), value: agreement.title },
                { label: f("purpose"), value: agreement.purpose },
                { label: t("publicSummary"), value: agreement.publicSummary },
                { label: f("themes"), value: agreement.themes.map((theme) => labels.theme[theme]).join(", ") },
                {
                  label: t("partner"),
                  value: (
                    <>
                      {partner.name}
                      {partner.localName && partner.localNameLanguage ? (
                        <>
                          {" ("}
                          <ForeignText text={partner.localName} language={partner.localNameLanguage} />)
                        </>
                      ) : null}
                      , {[country, partner.region].filter(Boolean).join(", ")}
                    </>
                  ),
                },
                { label: t("partnerConfirmation"), value: partnerConfirmation(agreement, t, tA("page.notConfirmed"), locale) },
                {
                  label: t("costsSoFar"),
                  value: agreement.costs.map((total) => formatMoney(total.amount, total.currency, locale)).join(` ${tA("activity.and")} `) || tA("activity.noneRecorded"),
                },
              ]}
            />
            {agreement.decisions.length > 0 ? (
              <details className="my-3">
                <summary>{t("decisionsSoFar", { count: agreement.decisions.length })}</summary>
                <Timeline entries={agreement.decisions} />
              </details>
            ) : null}
            {agreement.proposals.length > 0 ? (
              <details className="mb-3">
                <summary>{t("earlier", { count: agreement.proposals.length })}</summary>
                <ul className="list-disc pl-5">
                  {agreement.proposals.map((earlier) => (
                    <li key={earlier.id}>
                      {t("earlierItem", { kind: labels.proposalKind[earlier.kind], name: earlier.proposer.name, date: formatDateTime(earlier.closedAt, locale) })}
                      <Votes votes={earlier.decisions} t={t} className="list-[circle] pl-5" />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {recorded ? (
              <p className="font-semibold">
                {d("record.notYours", { route: d(`route.${proposal.decisionRoute}`), maker })}{" "}
                <Link href={`/agreements/${agreement.id}`}>{d("record.button")}</Link>
              </p>
            ) : ownProposal ? (
              <p className="font-semibold">{t("ownProposal")}</p>
            ) : myVote ? (
              <p className="font-semibold">{myVote.kind === "APPROVED" ? t("youApproved") : t("youRejected")}</p>
            ) : decision ? (
              <VoteForm action={voteAction} proposalId={proposal.id} decision={decision} label={decisionLabel} cancelHref={`/approvals#${headingId}`} />
            ) : (
              <VoteChoice proposalId={proposal.id} anchor={headingId} label={decisionLabel} />
            )}
          </section>
        );
      })}
    </>
  );
}
