// The public record of decision (issue 24 item 3): which decisions are published as notices, what
// each says, in plain JSON-safe shapes (dates as ISO strings) that survive the data cache. Never a
// draft, a rejection, a pending proposal or an internal reason: a notice is a decision that
// changed a link's public standing (approved, paused, reinstated, ended) or amended its terms, and
// carries only the proposal's public reason and its record-of-decision fields.
import type { AgreementStatus, CallInState, DecisionKind, DecisionRoute, RelationshipType } from "@/generated/prisma/enums";
import type { DecisionMaker } from "@/lib/domain/decision-routes";
import type { ContentLocale } from "@/lib/domain/validation/agreement";

export type NoticeOutcome = "approved" | "amended" | "paused" | "reinstated" | "ended";

/** What a published decision did, from its kind and the statuses it moved between; null: not a public decision. */
export function noticeOutcome(decision: { kind: DecisionKind; fromStatus: AgreementStatus | null; toStatus: AgreementStatus | null }): NoticeOutcome | null {
  if (decision.kind === "AMENDED") return "amended";
  if (decision.kind !== "STATUS_CHANGED" || decision.fromStatus === decision.toStatus) return null;
  switch (decision.toStatus) {
    case "ACTIVE":
      return decision.fromStatus === "SUSPENDED" ? "reinstated" : "approved";
    case "SUSPENDED":
      return "paused";
    case "TERMINATED":
      return "ended";
    default:
      return null;
  }
}

/**
 * Whether the decision is in effect (docs/decisions/023-call-in.md): in effect (no call-in period,
 * or it has taken effect); waiting for its call-in period ("Takes effect on …"); called in or
 * referred by scrutiny; withdrawn after a call-in, never in effect; or urgent, exempt from call-in.
 */
export type NoticeEffect =
  | { state: "inEffect" }
  | { state: "waiting"; takesEffectOn: string }
  | { state: "calledIn" }
  | { state: "referred" }
  | { state: "notInEffect" }
  | { state: "urgent"; urgencyReason: string };

export function noticeEffect(proposal: { callIn: CallInState | null; takesEffectOn: Date | null; urgencyReason: string | null } | null): NoticeEffect {
  if (!proposal) return { state: "inEffect" };
  switch (proposal.callIn) {
    case "AWAITING":
      return proposal.takesEffectOn ? { state: "waiting", takesEffectOn: proposal.takesEffectOn.toISOString().slice(0, 10) } : { state: "inEffect" };
    case "CALLED_IN":
      return { state: "calledIn" };
    case "REFERRED_BACK":
    case "REFERRED_TO_COUNCIL":
      return { state: "referred" };
    case "NOT_IN_EFFECT":
      return { state: "notInEffect" };
    default:
      return proposal.urgencyReason ? { state: "urgent", urgencyReason: proposal.urgencyReason } : { state: "inEffect" };
  }
}

/** A public document attached to the proposal as a background paper. */
export type BackgroundPaper = { title: string; href: string };

export type DecisionNotice = {
  /** The id of the decision that took effect (its STATUS_CHANGED or AMENDED row). */
  id: string;
  outcome: NoticeOutcome;
  /** When the decision was recorded in the app, ISO 8601. */
  recordedAt: string;
  /** "Date of decision": the meeting's date on the meeting route (YYYY-MM-DD), else the day it was recorded. */
  decidedOn: string;
  relationshipType: RelationshipType;
  partner: { name: string; slug: string };
  /** The proposal's public reason, in English, and its translations (the decision's DecisionTranslation rows). */
  publicReason: string | null;
  publicReasonTranslations: Partial<Record<ContentLocale, string>>;
  reference: string | null;
  route: DecisionRoute;
  maker: DecisionMaker;
  meetingUrl: string | null;
  alternativesConsidered: string | null;
  conflictsOfInterest: string | null;
  backgroundPapers: BackgroundPaper[];
  /** Call-in: whether and when it takes effect. */
  effect: NoticeEffect;
};

/** The list's row: enough to name and date the decision and say how it was taken. */
export type DecisionNoticeSummary = Pick<DecisionNotice, "id" | "outcome" | "decidedOn" | "recordedAt" | "partner" | "route">;
