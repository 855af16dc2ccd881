import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { refuseGuessablePassword } from "@/lib/auth/password-strength";
import { endUserSessions } from "@/lib/auth/sessions";
import { clearEmailLock } from "@/lib/auth/sign-in-lock";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { lockSettings } from "@/lib/settings";
import type { Language, Role } from "@/generated/prisma/enums";
import { quorumRefusalMessage, type CreateUserInput } from "@/lib/domain/validation/admin";
import type { Confirmation } from "@/lib/web/confirmations";

// User administration. Users are never deleted: decisions keep their author (an erased user is
// anonymised instead: lib/admin/erase-user.ts).

export async function createUser(input: CreateUserInput, actor: Actor | null, options: { ip?: string | null } = {}): Promise<{ id: string; confirmation: Confirmation }> {
  if (actor) requirePermission(actor, "user:manage");
  await refuseGuessablePassword(input.password, "password", input);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError("VALIDATION", REFUSED.emailTaken, { email: [REFUSED.emailTaken] });
    const user = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role, passwordHash }, select: { id: true } });
    await writeAudit(tx, { actor, actorEmail: actor ? undefined : "command line", action: "user.create", entityType: "User", entityId: user.id, ip: options.ip, details: { email: input.email, role: input.role } });
    return { id: user.id, confirmation: "user.created" };
  });
}

/** The last active admin cannot be demoted or deactivated: someone must be able to administer. */
export async function assertNotLastAdmin(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
  if (user?.role !== "ADMIN" || !user.active) return;
  const otherAdmins = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (otherAdmins === 0) throw new AppError("INVALID_TRANSITION", REFUSED.lastAdmin);
}

/**
 * An active councillor leaving the councillors (deactivated, or given another role) must leave
 * enough of them to reach the council's "Approvals needed": refused, not warned, like the last
 * admin, so that no proposal is left open for ever; the admin lowers the setting first.
 */
async function assertQuorumRemains(tx: Tx, user: { id: string; role: Role; active: boolean }): Promise<void> {
  if (user.role !== "COUNCILLOR" || !user.active) return;
  // Locked: a new "Approvals needed" saved meanwhile waits, and is then checked against this count.
  const { approvalsNeeded } = await lockSettings(tx);
  const remaining = await tx.user.count({ where: { role: "COUNCILLOR", active: true, id: { not: user.id } } });
  if (remaining < approvalsNeeded) throw new AppError("INVALID_TRANSITION", quorumRefusalMessage(remaining, approvalsNeeded));
}

async function findUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, active: true } });
  if (!user) throw new AppError("NOT_FOUND", REFUSED.userMissing);
  return user;
}

/** `changed` is false when the user already had that role (nothing is written). */
export async function changeRole(userId: string, role: Role, actor: Actor): Promise<{ changed: boolean; confirmation: Confirmation }> {
  requirePermission(actor, "user:manage");
  return db.$transaction(async (tx) => {
    const user = await findUser(tx, userId);
    if (user.role === role) return { changed: false, confirmation: "user.role-unchanged" };
    if (role !== "ADMIN") await assertNotLastAdmin(tx, userId);
    await assertQuorumRemains(tx, user);
    await tx.user.update({ where: { id: userId }, data: { role } });
    // The new role starts with a new sign-in: every session of theirs ends now.
    await endUserSessions(tx, userId);
    await writeAudit(tx, { actor, action: "user.role-change", entityType: "User", entityId: userId, details: { email: user.email, from: user.role, to: role } });
    return { changed: true, confirmation: "user.role" };
  });
}

export async function setUserActive(userId: string, active: boolean, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "user:manage");
  await db.$transaction(async (tx) => {
    const user = await findUser(tx, userId);
    if (user.active === active) return;
    if (!active) await assertNotLastAdmin(tx, userId);
    if (!active) await assertQuorumRemains(tx, user);
    await tx.user.update({ where: { id: userId }, data: { active } });
    // Deactivation ends every session of theirs at once.
    if (!active) await endUserSessions(tx, userId);
    await writeAudit(tx, { actor, action: active ? "user.reactivate" : "user.deactivate", entityType: "User", entityId: userId, details: { email: user.email } });
  });
  return { confirmation: active ? "user.reactivated" : "user.deactivated" };
}

export async function resetPassword(userId: string, newPassword: string, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "user:manage");
  const owner = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (owner) await refuseGuessablePassword(newPassword, "newPassword", owner);
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const user = await findUser(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    // A password set by an admin ends all of the user's sessions.
    await endUserSessions(tx, userId);
    await writeAudit(tx, { actor, action: "user.password-reset", entityType: "User", entityId: userId, details: { email: user.email } });
  });
  return { confirmation: "user.password" };
}

/** Clears the account's sign-in lock (its email's failed attempts), so they can sign in again at once. */
export async function unlockSignIn(userId: string, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "user:manage");
  await db.$transaction(async (tx) => {
    const user = await findUser(tx, userId);
    await clearEmailLock(tx, user.email);
    await writeAudit(tx, { actor, action: "user.sign-in-unlock", entityType: "User", entityId: userId, details: { email: user.email } });
  });
  return { confirmation: "user.unlocked" };
}

/**
 * Removes the account's link to the council's sign-in, for when their account at the provider was
 * recreated (a new subject, which the binding refuses as someone else: lib/auth/sso-sign-in.ts).
 * Their next single sign-on matches the account by its verified email again, once, and links the
 * new subject. Audited with the link removed; nothing is written when there is none.
 */
export async function removeSsoLink(userId: string, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "user:manage");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, ssoIssuer: true, ssoSubject: true, ssoBoundAt: true } });
    if (!user) throw new AppError("NOT_FOUND", REFUSED.userMissing);
    if (user.ssoSubject === null) return;
    await tx.user.update({ where: { id: userId }, data: { ssoIssuer: null, ssoSubject: null, ssoBoundAt: null } });
    await writeAudit(tx, {
      actor,
      action: "user.sso-unbound",
      entityType: "User",
      entityId: userId,
      details: { email: user.email, issuer: user.ssoIssuer, subject: user.ssoSubject, boundAt: user.ssoBoundAt?.toISOString() ?? null },
    });
  });
  return { confirmation: "user.sso-unlinked" };
}

/** An admin sets the language a user's sign-in lands in and their emails are written in (audited). */
export async function setUserLanguage(userId: string, language: Language, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "user:manage");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, language: true } });
    if (!user) throw new AppError("NOT_FOUND", REFUSED.userMissing);
    if (user.language === language) return;
    await tx.user.update({ where: { id: userId }, data: { language } });
    await writeAudit(tx, { actor, action: "user.language", entityType: "User", entityId: userId, details: { email: user.email, from: user.language, to: language } });
  });
  return { confirmation: "user.language" };
}
