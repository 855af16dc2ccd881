import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { AgreementActivity } from "@/components/agreement-activity";
import { CommandForm } from "@/components/command-form";
import { StatusTag, Tag } from "@/components/status-tag";
import { ConfirmationBanner } from "@/components/success-banner";
import { SummaryList } from "@/components/summary-list";
import { Timeline } from "@/components/timeline";
import { requirePageUser } from "@/lib/auth/session";
import { getAgreementActivity } from "@/lib/data/activity";
import { getAgreement } from "@/lib/data/agreements";
import { countryName } from "@/lib/domain/countries";
import { LOCALITY_KIND_LABELS, RELATIONSHIP_TYPE_LABELS, THEME_LABELS } from "@/lib/domain/labels";
import { availableCommands, COMMAND_RULES, isPubliclyVisible, PROPOSAL_RULES, statusLabel } from "@/lib/domain/lifecycle";
import { formatDate } from "@/lib/domain/format";
import { can } from "@/lib/domain/permissions";
import { agreementCommandAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ action?: string; done?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const agreement = await getAgreement((await params).id);
  return { title: agreement ? `${agreement.partner.name} agreement` : "Agreement not found" };
}

export default async function AgreementPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { action, done } = await searchParams;
  const user = await requirePageUser(`/agreements/${id}`, "agreement:read");
  const [agreement, activity] = await Promise.all([getAgreement(id), getAgreementActivity(id)]);
  if (!agreement || !activity) notFound();

  const openProposal = agreement.proposals.find((proposal) => proposal.state === "OPEN");
  const commands = availableCommands(agreement.status, Boolean(openProposal), user.role);
  const chosen = commands.find((command) => command === action);
  const proposalsById = new Map(agreement.proposals.map((proposal) => [proposal.id, proposal]));
  const unconfirmed = agreement.status === "ACTIVE" && !agreement.partnerDecisionDate && !agreement.partnerDecisionReference;
  const { partner } = agreement;

  return (
    <>
      <BackLink href="/agreements">Back to agreements</BackLink>
      <ConfirmationBanner scope="agreement" done={done} />
      <h1 className="mb-1">{partner.name}</h1>
      <p className="mb-1 text-lg" data-testid="agreement-status">
        Status: {statusLabel(agreement.status)}
      </p>
      <div className="mb-6 flex flex-wrap gap-2">
        <StatusTag status={agreement.status} />
        {openProposal ? <Tag tone="warning">Proposed: {PROPOSAL_RULES[openProposal.kind].noun}</Tag> : null}
        {unconfirmed ? <Tag tone="warning">Not confirmed by partner</Tag> : null}
        {activity.dormant ? <Tag tone="warning">Dormant</Tag> : null}
      </div>

      {commands.length > 0 || (agreement.status === "DRAFT" && can(user, "agreement:edit")) ? (
        <section aria-labelledby="actions-heading" className="mb-8 rounded border border-slate-300 bg-slate-50 p-4">
          <h2 id="actions-heading" className="mt-0">
            What you can do
          </h2>
          {chosen ? (
            <CommandForm action={agreementCommandAction} command={chosen} agreementId={agreement.id} version={agreement.version} cancelHref={`/agreements/${agreement.id}`} />
          ) : (
            <div className="flex flex-wrap gap-3">
              {agreement.status === "DRAFT" && can(user, "agreement:edit") ? (
                <Link href={`/agreements/${agreement.id}/edit`} className="button-secondary">
                  Edit draft
                </Link>
              ) : null}
              {/* A plain GET form: the chosen command's form opens without JavaScript. */}
              <form method="get" className="flex flex-wrap gap-3">
                {commands.map((command) => (
                  <button key={command} type="submit" name="action" value={command} className={command === "withdraw" || command === "proposeTermination" ? "button-danger" : "button"}>
                    {COMMAND_RULES[command].label}
                  </button>
                ))}
              </form>
            </div>
          )}
        </section>
      ) : null}
      {openProposal && user.role === "COUNCILLOR" ? (
        <p className="mb-6">
          A proposal awaits a decision: <Link href="/approvals">decide it on the approvals page</Link>.
        </p>
      ) : null}

      <h2>The agreement</h2>
      <SummaryList
        rows={[
          { label: "Title", value: agreement.title },
          { label: "Relationship type", value: RELATIONSHIP_TYPE_LABELS[agreement.relationshipType] },
          { label: "Link began", value: formatDate(agreement.linkBegan) },
          { label: "Formalised on", value: formatDate(agreement.formalisedOn) },
          { label: "Purpose", value: agreement.purpose },
          { label: "Themes", value: agreement.themes.map((theme) => THEME_LABELS[theme]).join(", ") },
          { label: "Review date", value: formatDate(agreement.reviewDate) },
          { label: "Lead officer", value: agreement.leadOfficer?.name },
          { label: "Public summary", value: agreement.publicSummary },
          { label: "Internal notes", value: agreement.internalNotes },
          { label: "Partner decision date", value: formatDate(agreement.partnerDecisionDate) },
          { label: "Partner decision reference", value: agreement.partnerDecisionReference },
        ]}
      />

      <h2>The partner</h2>
      <SummaryList
        rows={[
          { label: "Partner name", value: partner.name },
          { label: "Country", value: countryName(partner.country) },
          { label: "Region", value: partner.region },
          { label: "Locality type", value: LOCALITY_KIND_LABELS[partner.kind] },
          { label: "Population", value: partner.population?.toLocaleString("en-GB") },
          { label: "Latitude", value: partner.latitude?.toString() },
          { label: "Longitude", value: partner.longitude?.toString() },
          { label: "Website", value: partner.website ? <a href={partner.website}>{partner.website}</a> : null },
          {
            label: "Public page",
            value: isPubliclyVisible(agreement.status) ? <Link href={`/partners/${partner.slug}`}>/partners/{partner.slug}</Link> : null,
          },
        ]}
      />

      <AgreementActivity activity={activity} user={user} />

      <h2>Decisions</h2>
      <Timeline
        entries={agreement.decisions.map((decision) => ({
          ...decision,
          proposal: decision.kind === "SUBMITTED" || decision.kind === "PROPOSED" ? proposalsById.get(decision.proposalId ?? "") : null,
        }))}
      />
    </>
  );
}
