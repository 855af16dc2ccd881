import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DetailRow } from "@/components/detail-row";
import { Link } from "@/components/link";
import { StatusTag } from "@/components/status-tag";
import { ConfirmationBanner } from "@/components/success-banner";
import { VoteForm } from "@/components/vote-form";
import { requirePageUser } from "@/lib/auth/session";
import { listOpenProposals } from "@/lib/data/agreements";
import { getSettings } from "@/lib/data/settings";
import { labelsIn } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/domain/format";
import { countryNameIn } from "@/lib/domain/public-format";
import { getPageLocale } from "@/lib/i18n/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("approvals"))("title") };
}

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<{ done?: string | string[] }> }) {
  const user = await requirePageUser("/approvals", "proposal:decide");
  const { done } = await searchParams;
  const [proposals, settings, locale, t, tList] = await Promise.all([listOpenProposals(), getSettings(), getPageLocale(), getTranslations("approvals"), getTranslations("agreements.list")]);
  const labels = labelsIn(locale);
  return (
    <>
      <ConfirmationBanner scope="vote" done={done} />
      <h1>{t("title")}</h1>
      <p className="max-w-2xl">{t("intro", { needed: settings.approvalsNeeded })}</p>
      {proposals.length === 0 ? <p>{t("none")}</p> : null}
      {proposals.map((proposal) => {
        const { agreement } = proposal;
        const headingId = `proposal-${proposal.id}`;
        const myVote = proposal.decisions.find((vote) => vote.actor?.id === user.id);
        const ownProposal = proposal.proposer.id === user.id;
        const approvals = proposal.decisions.filter((vote) => vote.kind === "APPROVED").length;
        return (
          <section key={proposal.id} aria-labelledby={headingId} className="mb-8 rounded border-2 border-slate-300 p-4">
            <h2 id={headingId} className="mt-0">
              {labels.proposalKind[proposal.kind]}: {agreement.partner.name}
            </h2>
            <p>
              <Link href={`/agreements/${agreement.id}`}>
                {t("agreementLink", { type: labels.relationshipType[agreement.relationshipType], partner: agreement.partner.name, country: agreement.partner.country ? countryNameIn(agreement.partner.country, locale) : tList("noCountry") })}
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
              <DetailRow label={t("alternativesConsidered")} value={proposal.alternativesConsidered} />
              <DetailRow label={t("conflictsOfInterest")} value={proposal.conflictsOfInterest} />
              <DetailRow label={t("backgroundPapers")} value={proposal.backgroundPapers} />
              <dt className="font-semibold">{t("votesSoFar")}</dt>
              <dd>
                {t("approvalsCount", { approvals, needed: settings.approvalsNeeded })}
                {proposal.decisions.length > 0 ? <Votes votes={proposal.decisions} t={t} className="list-disc pl-5" /> : null}
              </dd>
            </dl>
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
            {ownProposal ? (
              <p className="font-semibold">{t("ownProposal")}</p>
            ) : myVote ? (
              <p className="font-semibold">{myVote.kind === "APPROVED" ? t("youApproved") : t("youRejected")}</p>
            ) : (
              <VoteForm action={voteAction} proposalId={proposal.id} label={t("decide", { kind: labels.proposalKind[proposal.kind], partner: agreement.partner.name })} />
            )}
          </section>
        );
      })}
    </>
  );
}
