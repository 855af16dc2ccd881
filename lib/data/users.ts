import "server-only";
import { db } from "@/lib/db";
import { EMAIL_RULE, emailKey, lockedUntil } from "@/lib/domain/sign-in-lock";
import { isUuid } from "@/lib/domain/validation/fields";
import { LEAD_OFFICER_PERMISSION } from "@/lib/domain/lifecycle";
import { EXECUTIVE_MEMBER_PERMISSION, rolesWith } from "@/lib/domain/permissions";

const userSelect = { id: true, name: true, email: true, role: true, active: true, language: true, createdAt: true, twoStepEnabledAt: true } as const;

/** One user for the admin's page: also their link to the council's sign-in (issuer and since when; never the subject). */
const userPageSelect = { ...userSelect, ssoIssuer: true, ssoBoundAt: true } as const;

export function listUsers() {
  return db.user.findMany({ select: userSelect, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

/** Who may be chosen as a link's lead officer ("Correct details"): active users whose role may edit links. */
export function listLeadOfficerChoices() {
  return db.user.findMany({ where: { active: true, role: { in: rolesWith(LEAD_OFFICER_PERMISSION) } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Who may be named as a proposal's executive member: active users whose role decides proposals (councillors). */
export function listExecutiveMemberChoices() {
  return db.user.findMany({ where: { active: true, role: { in: rolesWith(EXECUTIVE_MEMBER_PERMISSION) } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export function getUser(id: string) {
  if (!isUuid(id)) return Promise.resolve(null);
  return db.user.findUnique({ where: { id }, select: userPageSelect });
}

/** How many councillors can vote now: the quorum ("Approvals needed") must stay within it. */
export function countActiveCouncillors() {
  return db.user.count({ where: { role: "COUNCILLOR", active: true } });
}

/** The language a user's sign-in lands in (User.language). */
export async function getUserLanguage(id: string) {
  return (await db.user.findUnique({ where: { id }, select: { language: true } }))?.language ?? null;
}

/** When the account's sign-in lock (its email's counter) ends, or null: read afresh, never cached (failed sign-ins change it). */
export async function getSignInLockedUntil(email: string, now = new Date()): Promise<Date | null> {
  const counter = await db.signInCounter.findUnique({
    where: { key: emailKey(email) },
    select: { failures: true, pending: true, pendingSince: true, firstFailureAt: true, lastFailureAt: true, lockedUntil: true },
  });
  return counter ? lockedUntil(counter, EMAIL_RULE, now) : null;
}
