import { useTranslations } from "next-intl";
import type { AgreementStatus, DecisionKind } from "@/lib/domain/enums";
import { labelsIn } from "@/lib/domain/labels";
import type { REVIEW_OUTCOMES } from "@/lib/domain/lifecycle";
import { formatDate, formatDateTime } from "@/lib/domain/format";
import { usePageLocale } from "@/lib/i18n/navigation";
import { DetailRow } from "@/components/detail-row";
import { TermChangeRows } from "@/components/term-changes";
import { readTermChanges } from "@/lib/domain/term-changes";

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
  /** A decision by the partner council through its emailed link: who answered (no user). */
  partnerAnswer?: { contactName: string; contactOrganisation: string } | null;
  proposal?: { alternativesConsidered: string | null; conflictsOfInterest: string | null; backgroundPapers: string | null } | null;
  /** A REVIEWED decision's outcome and the next review date it set. */
  review?: { outcome: (typeof REVIEW_OUTCOMES)[number]; nextReviewDate: Date } | null;
  /** A PARTNER_CONFIRMED decision's partner decision date and reference, as recorded. */
  partnerConfirmation?: { partnerDecisionDate: Date | null; partnerDecisionReference: string | null } | null;
  /** An amendment's terms before and after (its PROPOSED and AMENDED decisions), as stored. */
  changes?: unknown;
  /** The fields whose text was erased, and when (lib/decisions/erase-field.ts). */
  fields?: { field: string; erasedAt: Date | null }[];
  /** How a proposal is decided and by whom, worded (components/decision-maker.ts routeLines). */
  route?: { route: string; maker: string } | null;
};

type Titles = ReturnType<typeof useTranslations<"agreements.timeline.title">>;

function title(entry: TimelineEntry, t: Titles, statusLabels: Record<AgreementStatus, string>, locale: ReturnType<typeof usePageLocale>): string {
  switch (entry.kind) {
    case "AMENDED":
      return t("AMENDED", { date: formatDate(entry.createdAt, locale) });
    case "PROPOSED":
      if (readTermChanges(entry.changes)) return t("proposedAmendment");
      // Worded apart from the "Proposed: …" tag that marks the open proposal.
      return t(entry.toStatus === "ACTIVE" ? "proposedReinstatement" : entry.toStatus === "SUSPENDED" ? "proposedSuspension" : entry.toStatus === "TERMINATED" ? "proposedTermination" : "proposedChange");
    case "STATUS_CHANGED":
      return t("STATUS_CHANGED", { status: entry.toStatus ? statusLabels[entry.toStatus].toLowerCase() : "" });
    default:
      return t(entry.kind);
  }
}

/** The decision record as a timeline (newest last), after the MoJ timeline pattern. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useTranslations("agreements.timeline");
  const titles = useTranslations("agreements.timeline.title");
  const field = useTranslations("agreementForms.command");
  const outcomes = useTranslations("agreementForms.review.outcomes");
  const agreementField = useTranslations("agreementForms.agreement");
  const erasure = useTranslations("erasure");
  const history = useTranslations("decisions.history");
  const locale = usePageLocale();
  const statusLabels = labelsIn(locale).status;
  /** "Erased on <date>" in place of a field whose text was erased. */
  const erased = (entry: TimelineEntry, name: string): string | null => {
    const at = entry.fields?.find((row) => row.field === name)?.erasedAt;
    return at ? erasure("erasedOn", { date: formatDate(at, locale) }) : null;
  };
  if (entries.length === 0) return <p>{t("none")}</p>;
  return (
    <ol className="space-y-5 border-l-4 border-brand pl-5" aria-label={t("label")}>
      {entries.map((entry) => (
        <li key={entry.id} className="relative">
          <h3 className="mt-0">{title(entry, titles, statusLabels, locale)}</h3>
          <p className="text-sm text-slate-700">
            {entry.actor ? `${t("by", { name: entry.actor.name })} ` : ""}
            {entry.partnerAnswer ? `${t("byPartner", { name: entry.partnerAnswer.contactName, organisation: entry.partnerAnswer.contactOrganisation })} ` : ""}
            <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt, locale)}</time>
          </p>
          <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <TermChanges changes={entry.changes} />
            <DetailRow label={erasure("changes")} value={erased(entry, "changes")} />
            {entry.fromStatus && entry.toStatus && entry.kind === "STATUS_CHANGED" ? (
              <>
                <dt className="font-semibold">{t("change")}</dt>
                <dd>
                  {statusLabels[entry.fromStatus]} → {statusLabels[entry.toStatus]}
                </dd>
              </>
            ) : null}
            {entry.review ? (
              <>
                <DetailRow label={t("reviewOutcome")} value={outcomes(entry.review.outcome)} />
                <DetailRow label={t("nextReviewDate")} value={formatDate(entry.review.nextReviewDate, locale)} />
              </>
            ) : null}
            {entry.partnerConfirmation ? (
              <>
                <DetailRow label={agreementField("partnerDecisionDate")} value={formatDate(entry.partnerConfirmation.partnerDecisionDate, locale)} />
                <DetailRow label={agreementField("partnerDecisionReference")} value={entry.partnerConfirmation.partnerDecisionReference} />
              </>
            ) : null}
            <DetailRow label={entry.review || entry.partnerConfirmation ? t("reviewNotes") : field("reason")} value={entry.reason ?? erased(entry, "reason")} />
            <DetailRow label={field("publicReason")} value={entry.publicReason ?? erased(entry, "publicReason")} />
            <DetailRow label={field("reference")} value={entry.reference ?? erased(entry, "reference")} />
            <DetailRow label={history("route")} value={entry.route?.route} />
            <DetailRow label={history("decisionMaker")} value={entry.route?.maker} />
            <DetailRow label={field("alternativesConsidered")} value={entry.proposal?.alternativesConsidered} />
            <DetailRow label={field("conflictsOfInterest")} value={entry.proposal?.conflictsOfInterest} />
            <DetailRow label={field("backgroundPapers")} value={entry.proposal?.backgroundPapers} />
          </dl>
        </li>
      ))}
    </ol>
  );
}

function TermChanges({ changes }: { changes: unknown }) {
  const terms = readTermChanges(changes);
  return terms ? <TermChangeRows changes={terms} /> : null;
}
