// How a council takes a decision on a proposal (issue 24 item 2): the one list of decision routes,
// what each asks of the proposer and of whoever records the decision, and the checks that refuse
// a decision recorded on the wrong route or by the wrong person. Pure: who may record is the
// policy module's table (DECISION_RECORDERS in lib/domain/permissions.ts), read from here.
import type { DecisionRoute, Role } from "@/generated/prisma/enums";
import { REFUSED } from "@/lib/domain/errors";
import { mayRecordDecision } from "@/lib/domain/permissions";
import type { Refusal } from "@/lib/domain/lifecycle";
import { validationMessage } from "@/lib/domain/validation/messages";

/** In the order the proposal form and the settings offer them. */
export const DECISION_ROUTES = ["COUNCILLOR_VOTES", "MEETING_RESOLUTION", "EXECUTIVE_MEMBER", "OFFICER_DELEGATION"] as const satisfies readonly DecisionRoute[];

/** The routes whose decision is recorded through "Record the decision" instead of councillors' votes. */
export type RecordedRoute = Exclude<DecisionRoute, "COUNCILLOR_VOTES">;

export function isRecordedRoute(route: DecisionRoute): route is RecordedRoute {
  return route !== "COUNCILLOR_VOTES";
}

/** What the proposer must name for a route: the executive member, or the delegation the officer acts under. */
export const ROUTE_NEEDS = {
  COUNCILLOR_VOTES: null,
  MEETING_RESOLUTION: null,
  EXECUTIVE_MEMBER: "executiveMemberId",
  OFFICER_DELEGATION: "delegation",
} as const satisfies Record<DecisionRoute, "executiveMemberId" | "delegation" | null>;

const ROUTE_DETAIL_MISSING = {
  executiveMemberId: validationMessage("choose.executiveMember"),
  delegation: validationMessage("enter.delegation"),
};

/** The route details a proposal lacks, each with the message shown beside its field. */
export function missingRouteDetails(input: { decisionRoute: DecisionRoute; executiveMemberId?: string | undefined; delegation?: string | undefined }): Record<string, string[]> {
  const need = ROUTE_NEEDS[input.decisionRoute];
  if (need === null || input[need]?.trim()) return {};
  return { [need]: [ROUTE_DETAIL_MISSING[need]] };
}

/** Why an executive member who is not an active councillor is refused. */
export const EXECUTIVE_MEMBER_NOT_COUNCILLOR = ROUTE_DETAIL_MISSING.executiveMemberId;

/** The meeting's details the recorder must give on the meeting-resolution route, each with the message shown when it is missing. */
export const MEETING_FIELDS = {
  meetingName: validationMessage("enter.meetingName"),
  meetingDate: validationMessage("enter.meetingDate"),
  minuteReference: validationMessage("enter.minuteReference"),
} as const;

/** The meeting's details a recording lacks on the meeting-resolution route (none on another route). */
export function missingMeetingDetails(route: DecisionRoute, input: Partial<Record<keyof typeof MEETING_FIELDS, unknown>>): Record<string, string[]> {
  if (route !== "MEETING_RESOLUTION") return {};
  return Object.fromEntries(Object.entries(MEETING_FIELDS).filter(([field]) => !input[field as keyof typeof MEETING_FIELDS]).map(([field, message]) => [field, [message]]));
}

/**
 * May this person record the decision on this open proposal? The votes route is decided on
 * /approvals; otherwise the policy table says who (never the proposer: four eyes).
 */
export function checkRecording(input: {
  recorder: { id: string; role: Role };
  proposal: { decisionRoute: DecisionRoute; proposerId: string; executiveMemberId: string | null; open: boolean };
}): { ok: true } | Refusal {
  const { recorder, proposal } = input;
  if (!isRecordedRoute(proposal.decisionRoute)) return { ok: false, reason: REFUSED.decidedByVotes };
  if (!proposal.open) return { ok: false, reason: REFUSED.decided };
  if (recorder.id === proposal.proposerId) return { ok: false, reason: REFUSED.fourEyes };
  if (!mayRecordDecision(recorder, proposal)) return { ok: false, reason: REFUSED.mayNotRecord };
  return { ok: true };
}

/**
 * How a decision was taken, as the decision record keeps it (Decision.route, committed to the chain
 * by its digest): the route and the details given, without the empty ones; the meeting's date as
 * YYYY-MM-DD. The executive member by id, not name, so the record names no one in its text.
 */
export type RouteRecord = { route: DecisionRoute } & { [detail in "executiveMemberId" | "delegation" | "meetingName" | "meetingDate" | "minuteReference" | "meetingUrl"]?: string } & Record<string, string>;

export function routeRecord(details: {
  decisionRoute: DecisionRoute;
  executiveMemberId?: string | null;
  delegation?: string | null;
  meetingName?: string | null;
  meetingDate?: Date | null;
  minuteReference?: string | null;
  meetingUrl?: string | null;
}): RouteRecord {
  const given: Record<string, string | null | undefined> = {
    executiveMemberId: details.executiveMemberId,
    delegation: details.delegation,
    meetingName: details.meetingName,
    meetingDate: details.meetingDate?.toISOString().slice(0, 10),
    minuteReference: details.minuteReference,
    meetingUrl: details.meetingUrl,
  };
  return { route: details.decisionRoute, ...Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string] => Boolean(entry[1]))) };
}

/**
 * Who took the decision, as a record of decision names them: the councillors who voted for it, the
 * meeting, the executive member, or the officer who recorded it under the named delegation.
 */
export type DecisionMaker =
  | { route: "COUNCILLOR_VOTES"; councillors: string[] }
  | { route: "MEETING_RESOLUTION"; meeting: string | null }
  | { route: "EXECUTIVE_MEMBER"; member: string | null }
  | { route: "OFFICER_DELEGATION"; officer: string | null; delegation: string | null };

export function decisionMaker(proposal: {
  decisionRoute: DecisionRoute;
  meetingName: string | null;
  delegation: string | null;
  executiveMember: { name: string } | null;
  /** Who recorded the decision (the closing decision's actor). */
  recordedBy: { name: string } | null;
  /** The councillors whose approvals carried it. */
  approvers: readonly { name: string }[];
}): DecisionMaker {
  switch (proposal.decisionRoute) {
    case "COUNCILLOR_VOTES":
      return { route: "COUNCILLOR_VOTES", councillors: proposal.approvers.map((approver) => approver.name) };
    case "MEETING_RESOLUTION":
      return { route: "MEETING_RESOLUTION", meeting: proposal.meetingName };
    case "EXECUTIVE_MEMBER":
      return { route: "EXECUTIVE_MEMBER", member: proposal.executiveMember?.name ?? null };
    case "OFFICER_DELEGATION":
      return { route: "OFFICER_DELEGATION", officer: proposal.recordedBy?.name ?? null, delegation: proposal.delegation };
  }
}
