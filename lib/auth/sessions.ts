// The server-side record of signed-in sessions (UserSession). The session cookie is a sealed JWT
// that names its row (`sid`) and when it began (`authTime`); a cookie counts only while that row
// exists and SESSION_HOURS have not passed since it began. So signing out ends the session for a
// copy of the cookie too, and no re-issued cookie outlives the session (ASVS 3.3.1, 3.3.2).
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { readServerEnv } from "@/lib/config/env";
import type { Actor } from "@/lib/domain/permissions";
import { twoStepRequired } from "@/lib/domain/two-step";
import type { TwoStepRequirement } from "@/generated/prisma/enums";

const HOUR_MS = 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a session cookie claims. Unknown types: a cookie from before sessions had rows lacks some. */
export type SessionClaims = { userId: string; sessionId: unknown; authTime: unknown; sessionVersion: unknown };

/** A session as the cookie carries it: its row's id, and when it began (whole seconds, as a JWT's times). */
export type StartedSession = { id: string; authTime: number; endsAt: Date };

/** When a session that began at `authTime` (seconds) ends: SESSION_HOURS later, however often its cookie is re-issued. */
export function sessionEndsAt(authTime: number): Date {
  return new Date(authTime * 1000 + readServerEnv().SESSION_HOURS * HOUR_MS);
}

function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Records a new session for the user, and removes that user's ended ones while at it. */
export async function createSession(userId: string, now = new Date()): Promise<StartedSession> {
  const authTime = Math.floor(now.getTime() / 1000);
  const session = { id: randomUUID(), authTime, endsAt: sessionEndsAt(authTime) };
  await db.$transaction([
    db.userSession.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.userSession.create({ data: { id: session.id, userId, createdAt: new Date(authTime * 1000), expiresAt: session.endsAt } }),
  ]);
  return session;
}

/**
 * The user of a live session, or null: the claims must name a session row of this user that has
 * not expired, SESSION_HOURS must not have passed since the session began (whatever the cookie's
 * own expiry says), and the user must be active with the session counter the cookie was issued
 * with. One statement (the session row joined to its user): every signed-in request asks it.
 * It also says whether the council requires two-step verification of the user who has not set it
 * up (`twoStepSetupDue`: until they do, only their account is open to them).
 */
export async function findSessionUser(claims: SessionClaims, now = new Date()): Promise<Actor | null> {
  const { userId, sessionId, authTime } = claims;
  if (!isUuid(userId) || !isUuid(sessionId) || typeof authTime !== "number" || !Number.isFinite(authTime)) return null;
  if (now.getTime() >= sessionEndsAt(authTime).getTime()) return null;
  // Raw SQL: Prisma's query compiler costs more CPU than the lookup. The time is passed in (not
  // now()), so a PostgreSQL server's own clock never disagrees with the one that checked authTime.
  const [user] = await db.$queryRaw<(Actor & { active: boolean; sessionVersion: number; twoStepOn: boolean; twoStepRequiredFor: TwoStepRequirement | null })[]>`
    SELECT u."id", u."email", u."name", u."role", u."active", u."sessionVersion", u."twoStepEnabledAt" IS NOT NULL AS "twoStepOn",
      (SELECT c."twoStepRequiredFor" FROM "CouncilSettings" c WHERE c."id" = 1) AS "twoStepRequiredFor"
    FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}::uuid AND s."userId" = ${userId}::uuid AND s."expiresAt" > ${now.toISOString()}::timestamptz`;
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  return !user.twoStepOn && twoStepRequired(user.twoStepRequiredFor ?? "NOBODY", user.role) ? { ...actor, twoStepSetupDue: true } : actor;
}

/**
 * Signing out: deletes the session's row, so the cookie (and any copy of it) no longer opens
 * anything. `user` is who was signed in (null when the session had already ended): audited.
 */
export async function revokeSession(claims: SessionClaims, user: Pick<Actor, "id" | "email"> | null): Promise<void> {
  if (!isUuid(claims.sessionId) || !isUuid(claims.userId)) return;
  const sessionId = claims.sessionId;
  const userId = claims.userId;
  await db.$transaction(async (tx) => {
    await tx.userSession.deleteMany({ where: { id: sessionId, userId } });
    if (user) await writeAudit(tx, { actor: user, action: "auth.sign-out" });
  });
}

/**
 * Ends every session of a user: for a change to their role, password or active state, in the
 * transaction of that change. The counter is bumped too, so a cookie issued before it is refused
 * even if a session row were somehow left.
 */
export async function endUserSessions(tx: Tx, userId: string): Promise<void> {
  await tx.userSession.deleteMany({ where: { userId } });
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/**
 * Ends every session of a user but `keepSessionId` (the one that changed their password), in the
 * transaction of that change. The counter is bumped as endUserSessions does; the returned value is
 * the new counter, for re-issuing the kept session's cookie (lib/auth/session.ts).
 */
export async function endOtherSessions(tx: Tx, userId: string, keepSessionId: string): Promise<{ sessionVersion: number }> {
  await tx.userSession.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  return tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
}

/**
 * Removes the rows of expired sessions (the jobs; a sign-in also removes its user's). Reads no
 * setting, so `npm run jobs` needs no NEXTAUTH_SECRET; a row kept past a lowered SESSION_HOURS
 * is refused anyway (findSessionUser) and removed when it expires.
 */
export async function deleteExpiredSessions(now = new Date()): Promise<{ deleted: number }> {
  const { count } = await db.userSession.deleteMany({ where: { expiresAt: { lte: now } } });
  return { deleted: count };
}
