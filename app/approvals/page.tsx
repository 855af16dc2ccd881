import type { Metadata } from "next";
import Link from "next/link";
import { DetailRow } from "@/components/detail-row";
import { StatusTag } from "@/components/status-tag";
import { ConfirmationBanner } from "@/components/success-banner";
import { VoteForm } from "@/components/vote-form";
import { requirePageUser } from "@/lib/auth/session";
import { listOpenProposals } from "@/lib/data/agreements";
import { getSettings } from "@/lib/data/settings";
import { countryName } from "@/lib/domain/countries";
import { PROPOSAL_KIND_LABELS, RELATIONSHIP_TYPE_LABELS } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/domain/format";
import { voteAction } from "./actions";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<{ done?: string | string[] }> }) {
  const user = await requirePageUser("/approvals", "proposal:decide");
  const { done } = await searchParams;
  const [proposals, settings] = await Promise.all([listOpenProposals(), getSettings()]);
  return (
    <>
      <ConfirmationBanner scope="vote" done={done} />
      <h1>Approvals</h1>
      <p className="max-w-2xl">
        Proposals awaiting a decision. {settings.approvalsNeeded === 1 ? "One approval carries a proposal" : `${settings.approvalsNeeded} approvals carry a proposal`}; one
        rejection ends it. You cannot decide a proposal you made.
      </p>
      {proposals.length === 0 ? <p>There are no proposals awaiting a decision.</p> : null}
      {proposals.map((proposal) => {
        const { agreement } = proposal;
        const headingId = `proposal-${proposal.id}`;
        const myVote = proposal.decisions.find((vote) => vote.actor?.id === user.id);
        const ownProposal = proposal.proposer.id === user.id;
        const approvals = proposal.decisions.filter((vote) => vote.kind === "APPROVED").length;
        return (
          <section key={proposal.id} aria-labelledby={headingId} className="mb-8 rounded border-2 border-slate-300 p-4">
            <h2 id={headingId} className="mt-0">
              {PROPOSAL_KIND_LABELS[proposal.kind]}: {agreement.partner.name}
            </h2>
            <p>
              <Link href={`/agreements/${agreement.id}`}>
                {RELATIONSHIP_TYPE_LABELS[agreement.relationshipType]} with {agreement.partner.name}, {countryName(agreement.partner.country)}
              </Link>{" "}
              <StatusTag status={agreement.status} />
            </p>
            <dl className="my-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
              <dt className="font-semibold">Proposed by</dt>
              <dd>
                {proposal.proposer.name}, {formatDateTime(proposal.createdAt)}
              </dd>
              <DetailRow label="Their reason" value={proposal.reason} />
              <DetailRow label="Public reason" value={proposal.publicReason} />
              <DetailRow label="Reference" value={proposal.reference} />
              <DetailRow label="Alternatives considered" value={proposal.alternativesConsidered} />
              <DetailRow label="Conflicts of interest declared" value={proposal.conflictsOfInterest} />
              <DetailRow label="Background papers" value={proposal.backgroundPapers} />
              <dt className="font-semibold">Votes so far</dt>
              <dd>
                {approvals} of {settings.approvalsNeeded} approvals
                {proposal.decisions.length > 0 ? (
                  <ul className="list-disc pl-5">
                    {proposal.decisions.map((vote) => (
                      <li key={vote.id}>
                        {vote.actor?.name}: {vote.kind === "APPROVED" ? "approved" : "rejected"}
                        {vote.reason ? ` — ${vote.reason}` : ""}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </dd>
            </dl>
            {ownProposal ? (
              <p className="font-semibold">You made this proposal, so another councillor must decide it.</p>
            ) : myVote ? (
              <p className="font-semibold">You have {myVote.kind === "APPROVED" ? "approved" : "rejected"} this proposal.</p>
            ) : (
              <VoteForm action={voteAction} proposalId={proposal.id} label={`Decide: ${PROPOSAL_KIND_LABELS[proposal.kind]}, ${agreement.partner.name}`} />
            )}
          </section>
        );
      })}
    </>
  );
}
