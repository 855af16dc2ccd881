import { describe, expect, it } from "vitest";
import type { DecisionRoute, Role } from "@/generated/prisma/enums";
import { REFUSED } from "./errors";
import { checkRecording, decisionMaker, missingMeetingDetails, missingRouteDetails, routeRecord } from "./decision-routes";
import { noticeOutcome } from "./decision-notices";

const PROPOSER = "proposer";
const MEMBER = "member";

/** Who may record, written out from issue 24 and the brief, not read from the policy table. */
const EXPECTED: Record<Exclude<DecisionRoute, "COUNCILLOR_VOTES">, Record<string, boolean>> = {
  MEETING_RESOLUTION: { "STAFF other": true, "ADMIN other": true, "COUNCILLOR other": false, "COUNCILLOR member": false, "STAFF proposer": false },
  OFFICER_DELEGATION: { "STAFF other": true, "ADMIN other": true, "COUNCILLOR other": false, "COUNCILLOR member": false, "STAFF proposer": false },
  EXECUTIVE_MEMBER: { "STAFF other": true, "ADMIN other": true, "COUNCILLOR other": false, "COUNCILLOR member": true, "STAFF proposer": false },
};

describe("who records a decision on each route", () => {
  for (const [route, cases] of Object.entries(EXPECTED) as [DecisionRoute, Record<string, boolean>][]) {
    for (const [who, allowed] of Object.entries(cases)) {
      it(`${route}: ${who} ${allowed ? "may" : "may not"} record it`, () => {
        const [role, id] = who.split(" ") as [Role, string];
        const check = checkRecording({ recorder: { id, role }, proposal: { decisionRoute: route, proposerId: PROPOSER, executiveMemberId: MEMBER, open: true } });
        expect(check.ok).toBe(allowed);
        if (id === PROPOSER) expect(check).toEqual({ ok: false, reason: REFUSED.fourEyes });
      });
    }
  }

  it("nobody records a decision councillors vote on, nor one already decided", () => {
    expect(checkRecording({ recorder: { id: "x", role: "STAFF" }, proposal: { decisionRoute: "COUNCILLOR_VOTES", proposerId: PROPOSER, executiveMemberId: null, open: true } })).toEqual({ ok: false, reason: REFUSED.decidedByVotes });
    expect(checkRecording({ recorder: { id: "x", role: "STAFF" }, proposal: { decisionRoute: "MEETING_RESOLUTION", proposerId: PROPOSER, executiveMemberId: null, open: false } })).toEqual({ ok: false, reason: REFUSED.decided });
  });
});

describe("what each route asks for", () => {
  it("the executive member and the delegation are required on their routes only", () => {
    expect(Object.keys(missingRouteDetails({ decisionRoute: "EXECUTIVE_MEMBER" }))).toEqual(["executiveMemberId"]);
    expect(Object.keys(missingRouteDetails({ decisionRoute: "OFFICER_DELEGATION", delegation: "  " }))).toEqual(["delegation"]);
    expect(missingRouteDetails({ decisionRoute: "OFFICER_DELEGATION", delegation: "Scheme 4.2" })).toEqual({});
    expect(missingRouteDetails({ decisionRoute: "COUNCILLOR_VOTES" })).toEqual({});
    expect(missingRouteDetails({ decisionRoute: "MEETING_RESOLUTION" })).toEqual({});
  });

  it("a meeting's name, date and minute are required when recording a meeting's resolution", () => {
    expect(Object.keys(missingMeetingDetails("MEETING_RESOLUTION", { meetingName: "Cabinet" })).sort()).toEqual(["meetingDate", "minuteReference"]);
    expect(missingMeetingDetails("OFFICER_DELEGATION", {})).toEqual({});
  });

  it("the committed record leaves out what was not given, and dates the meeting as a day", () => {
    expect(routeRecord({ decisionRoute: "MEETING_RESOLUTION", meetingName: "Cabinet", meetingDate: new Date(Date.UTC(2026, 2, 31)), meetingUrl: null, delegation: "" })).toEqual({ route: "MEETING_RESOLUTION", meetingName: "Cabinet", meetingDate: "2026-03-31" });
  });

  it("names the decision-maker by route", () => {
    const base = { meetingName: "Cabinet", delegation: "Scheme 4.2", executiveMember: { name: "Cllr Ada" }, recordedBy: { name: "Olive" }, approvers: [{ name: "Cllr A" }, { name: "Cllr B" }] };
    expect(decisionMaker({ ...base, decisionRoute: "COUNCILLOR_VOTES" })).toEqual({ route: "COUNCILLOR_VOTES", councillors: ["Cllr A", "Cllr B"] });
    expect(decisionMaker({ ...base, decisionRoute: "MEETING_RESOLUTION" })).toEqual({ route: "MEETING_RESOLUTION", meeting: "Cabinet" });
    expect(decisionMaker({ ...base, decisionRoute: "EXECUTIVE_MEMBER" })).toEqual({ route: "EXECUTIVE_MEMBER", member: "Cllr Ada" });
    expect(decisionMaker({ ...base, decisionRoute: "OFFICER_DELEGATION" })).toEqual({ route: "OFFICER_DELEGATION", officer: "Olive", delegation: "Scheme 4.2" });
  });
});

describe("which decisions are published as notices", () => {
  it("a status change into a public status, or an amendment; never a rejection, a return to draft, a vote or a proposal", () => {
    expect(noticeOutcome({ kind: "STATUS_CHANGED", fromStatus: "PENDING_APPROVAL", toStatus: "ACTIVE" })).toBe("approved");
    expect(noticeOutcome({ kind: "STATUS_CHANGED", fromStatus: "SUSPENDED", toStatus: "ACTIVE" })).toBe("reinstated");
    expect(noticeOutcome({ kind: "STATUS_CHANGED", fromStatus: "ACTIVE", toStatus: "SUSPENDED" })).toBe("paused");
    expect(noticeOutcome({ kind: "STATUS_CHANGED", fromStatus: "SUSPENDED", toStatus: "TERMINATED" })).toBe("ended");
    expect(noticeOutcome({ kind: "AMENDED", fromStatus: "ACTIVE", toStatus: "ACTIVE" })).toBe("amended");
    expect(noticeOutcome({ kind: "STATUS_CHANGED", fromStatus: "ACTIVE", toStatus: "ACTIVE" })).toBeNull();
    expect(noticeOutcome({ kind: "STATUS_CHANGED", fromStatus: "PENDING_APPROVAL", toStatus: "DRAFT" })).toBeNull();
    for (const kind of ["APPROVED", "REJECTED", "PROPOSED", "SUBMITTED", "IMPORTED", "WITHDRAWN"] as const) {
      expect(noticeOutcome({ kind, fromStatus: "ACTIVE", toStatus: "SUSPENDED" })).toBeNull();
    }
  });
});
