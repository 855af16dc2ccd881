// Who took a decision and by which route, in words (the agreement's history, /approvals, the public notices).
import type { getTranslations } from "next-intl/server";
import { decisionMaker, type DecisionMaker } from "@/lib/domain/decision-routes";
import type { DecisionRoute } from "@/lib/domain/enums";

type DecisionWords = Awaited<ReturnType<typeof getTranslations<"decisions">>>;

export function describeDecisionMaker(maker: DecisionMaker, t: DecisionWords): string {
  switch (maker.route) {
    case "COUNCILLOR_VOTES":
      return maker.councillors.length > 0 ? t("maker.councillors", { names: maker.councillors.join(", ") }) : t("maker.councillorsNone");
    case "MEETING_RESOLUTION":
      return maker.meeting ?? t("maker.meetingPending");
    case "EXECUTIVE_MEMBER":
      return maker.member ?? "";
    case "OFFICER_DELEGATION":
      return maker.officer ? t("maker.officer", { officer: maker.officer, delegation: maker.delegation ?? "" }) : t("maker.officerPending", { delegation: maker.delegation ?? "" });
  }
}

/** A proposal's route and its details, as the data layer selects them. */
export type RoutedProposal = {
  id: string;
  decisionRoute: DecisionRoute;
  meetingName: string | null;
  delegation: string | null;
  executiveMember: { name: string } | null;
};

/**
 * The route and decision-maker of each decision that proposed or closed a proposal, from an
 * agreement's decision record: the approvals that carried it and who recorded the closing decision.
 */
export function routeLines(
  decisions: readonly { id: string; kind: string; proposalId: string | null; actor: { name: string } | null }[],
  proposals: ReadonlyMap<string, RoutedProposal>,
  t: DecisionWords,
): Map<string, { route: string; maker: string }> {
  const lines = new Map<string, { route: string; maker: string }>();
  for (const decision of decisions) {
    const proposal = decision.proposalId ? proposals.get(decision.proposalId) : undefined;
    if (!proposal) continue;
    const closing = decision.kind === "STATUS_CHANGED" || decision.kind === "AMENDED";
    if (!closing && decision.kind !== "SUBMITTED" && decision.kind !== "PROPOSED") continue;
    const approvers = closing ? decisions.filter((vote) => vote.proposalId === proposal.id && vote.kind === "APPROVED" && vote.actor).map((vote) => vote.actor!) : [];
    const maker = decisionMaker({ ...proposal, recordedBy: closing ? decision.actor : null, approvers });
    lines.set(decision.id, { route: t(`route.${proposal.decisionRoute}`), maker: describeDecisionMaker(maker, t) });
  }
  return lines;
}
