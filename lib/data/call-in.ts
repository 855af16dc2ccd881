import "server-only";
import { db } from "@/lib/db";
import { callInOpen, tookPart, WAITING_STATES } from "@/lib/domain/call-in";
import { mayAnswerReferral, mayCallIn, mayRecordScrutinyOutcome, type Actor } from "@/lib/domain/permissions";
import { bankHolidaysRunningOut, callInPeriodEnds, dateAtUtcMidnight, londonDate } from "@/lib/domain/working-days";
import { readSettings } from "@/lib/settings";

// Call-in for the pages (docs/decisions/023-call-in.md): the agreement page's panel, the bank-holiday
// list on /admin/settings, and the admins' dashboard warning when that list runs out.

/** The bank holidays, soonest first, as "YYYY-MM-DD" and name. */
export async function listBankHolidays(): Promise<{ date: string; name: string }[]> {
  const rows = await db.bankHoliday.findMany({ orderBy: { date: "asc" }, select: { date: true, name: true } });
  return rows.map((row) => ({ date: row.date.toISOString().slice(0, 10), name: row.name }));
}

/** True when the list has no date beyond about six months from now: the dashboard tells admins. */
export async function bankHolidayListRunningOut(now = new Date()): Promise<boolean> {
  const latest = await db.bankHoliday.findFirst({ orderBy: { date: "desc" }, select: { date: true } });
  return bankHolidaysRunningOut(latest ? latest.date.toISOString().slice(0, 10) : null, londonDate(now));
}

export type CallInPanel = {
  proposalId: string;
  state: (typeof WAITING_STATES)[number];
  /** "YYYY-MM-DD": the day it takes effect, and the last day it may be called in. */
  takesEffectOn: string | null;
  periodEnds: string | null;
  callIns: { name: string; reason: string | null }[];
  needed: number;
  mayCallIn: boolean;
  mayRecordOutcome: boolean;
  mayAnswer: boolean;
};

/** The agreement's decision waiting in call-in, if any, with what this viewer may do about it (the policy module's answer). */
export async function getCallInPanel(agreementId: string, viewer: Actor, now = new Date()): Promise<CallInPanel | null> {
  const proposal = await db.proposal.findFirst({
    where: { agreementId, callIn: { in: [...WAITING_STATES] } },
    select: {
      id: true,
      proposerId: true,
      executiveMemberId: true,
      decisionRoute: true,
      callIn: true,
      takesEffectOn: true,
      decisions: {
        where: { kind: { in: ["APPROVED", "REJECTED", "STATUS_CHANGED", "AMENDED", "CALLED_IN"] } },
        orderBy: { sequence: "asc" },
        select: { kind: true, actorId: true, reason: true, actor: { select: { name: true } } },
      },
    },
  });
  if (!proposal || !proposal.callIn) return null;
  const state = proposal.callIn as CallInPanel["state"];
  const [viewerRow, settings] = await Promise.all([db.user.findUnique({ where: { id: viewer.id }, select: { scrutinyMember: true, active: true } }), readSettings(db)]);
  const calls = proposal.decisions.filter((decision) => decision.kind === "CALLED_IN");
  const deciderIds = proposal.decisions.filter((decision) => decision.kind !== "CALLED_IN").flatMap((decision) => (decision.actorId ? [decision.actorId] : []));
  const facts = { scrutinyMember: Boolean(viewerRow?.active && viewerRow.scrutinyMember), tookPart: tookPart(viewer.id, { ...proposal, deciderIds }) };
  const takesEffectOn = proposal.takesEffectOn?.toISOString().slice(0, 10) ?? null;
  let periodEnds: string | null = null;
  if (takesEffectOn) {
    const holidays = await db.bankHoliday.findMany({ where: { date: { lte: dateAtUtcMidnight(takesEffectOn) } }, select: { date: true } });
    periodEnds = callInPeriodEnds(takesEffectOn, new Set(holidays.map((row) => row.date.toISOString().slice(0, 10))));
  }
  return {
    proposalId: proposal.id,
    state,
    takesEffectOn,
    periodEnds,
    callIns: calls.map((call) => ({ name: call.actor?.name ?? "", reason: call.reason })),
    needed: settings.callInsNeeded,
    mayCallIn: callInOpen(proposal.callIn, takesEffectOn, londonDate(now)) && mayCallIn(viewer, facts) && !calls.some((call) => call.actorId === viewer.id),
    mayRecordOutcome: state === "CALLED_IN" && mayRecordScrutinyOutcome(viewer, facts),
    mayAnswer: (state === "REFERRED_BACK" || state === "REFERRED_TO_COUNCIL") && mayAnswerReferral(viewer, proposal, state === "REFERRED_TO_COUNCIL" ? "fullCouncil" : "decisionMaker"),
  };
}

/** Whether an admin has marked this user as a scrutiny member (/admin/users/<id>). */
export async function isMarkedScrutinyMember(userId: string): Promise<boolean> {
  return Boolean((await db.user.findUnique({ where: { id: userId }, select: { scrutinyMember: true } }))?.scrutinyMember);
}
