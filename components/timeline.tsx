import type { AgreementStatus, DecisionKind } from "@/lib/domain/enums";
import { statusLabel } from "@/lib/domain/lifecycle";
import { formatDateTime } from "@/lib/domain/format";
import { DetailRow } from "@/components/detail-row";

export type TimelineEntry = {
  id: string;
  kind: DecisionKind;
  fromStatus: AgreementStatus | null;
  toStatus: AgreementStatus | null;
  reason: string | null;
  publicReason: string | null;
  reference: string | null;
  createdAt: Date;
  actor: { name: string } | null;
  proposal?: { alternativesConsidered: string | null; conflictsOfInterest: string | null; backgroundPapers: string | null } | null;
};

function title(entry: TimelineEntry): string {
  const to = entry.toStatus ? statusLabel(entry.toStatus).toLowerCase() : "";
  switch (entry.kind) {
    case "SUBMITTED":
      return "Submitted for approval";
    case "PROPOSED":
      // Worded apart from the "Proposed: …" tag that marks the open proposal.
      return `${to === "active" ? "Reinstatement" : to === "suspended" ? "Suspension" : to === "terminated" ? "Termination" : "Change"} proposed`;
    case "APPROVED":
      return "Approved";
    case "REJECTED":
      return "Rejected";
    case "WITHDRAWN":
      return "Draft withdrawn";
    case "STATUS_CHANGED":
      return `Status changed to ${to}`;
    case "IMPORTED":
      return "Imported";
  }
}

/** The decision record as a timeline (newest last), after the MoJ timeline pattern. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p>No decisions yet.</p>;
  return (
    <ol className="space-y-5 border-l-4 border-brand pl-5" aria-label="Decision timeline">
      {entries.map((entry) => (
        <li key={entry.id} className="relative">
          <h3 className="mt-0">{title(entry)}</h3>
          <p className="text-sm text-slate-700">
            {entry.actor ? `by ${entry.actor.name}, ` : ""}
            <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
          </p>
          <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            {entry.fromStatus && entry.toStatus && entry.kind === "STATUS_CHANGED" ? (
              <>
                <dt className="font-semibold">Change</dt>
                <dd>
                  {statusLabel(entry.fromStatus)} → {statusLabel(entry.toStatus)}
                </dd>
              </>
            ) : null}
            <DetailRow label="Reason" value={entry.reason} />
            <DetailRow label="Public reason" value={entry.publicReason} />
            <DetailRow label="Decision reference" value={entry.reference} />
            <DetailRow label="Alternatives considered" value={entry.proposal?.alternativesConsidered} />
            <DetailRow label="Conflicts of interest declared" value={entry.proposal?.conflictsOfInterest} />
            <DetailRow label="Background papers" value={entry.proposal?.backgroundPapers} />
          </dl>
        </li>
      ))}
    </ol>
  );
}
