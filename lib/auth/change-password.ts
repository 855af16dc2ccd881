// A user changing their own password on /account. The current password is checked like a sign-in
// (the sign-in lock admits the check first, and a wrong one counts as a failed sign-in), so a
// borrowed session cannot guess it faster than the login page allows.
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { Outcome } from "@/lib/domain/sign-in-lock";
import type { ChangePasswordInput } from "@/lib/domain/validation/account";
import { enqueuePasswordChanged } from "@/lib/notifications/enqueue";
import type { Confirmation } from "@/lib/web/confirmations";
import { hashPassword, verifyPassword } from "./password";
import { refuseGuessablePassword } from "./password-strength";
import { lockedMessage, SIGN_IN_BUSY } from "./sign-in";
import { endOtherSessions } from "./sessions";
import { admitSignIn, lockKeys, settleSignIn } from "./sign-in-lock";

export const WRONG_CURRENT_PASSWORD = "Your current password is incorrect";

export type ChangePasswordContext = {
  ip: string | null;
  /** The session that asked: it stays signed in, every other session of the user ends. */
  sessionId: string;
  /** The clock the lock reads (tests move it on). */
  clock?: () => Date;
};

/**
 * Refuses a guessable new password, checks the current password, then in one transaction: the new
 * hash, every other session ended, an audit row and the email to the user. Returns the user's new
 * session counter, which the kept session's cookie must carry (lib/auth/session.ts
 * changeOwnPassword re-issues it).
 */
export async function changePassword(input: ChangePasswordInput, actor: Actor, { ip, sessionId, clock = () => new Date() }: ChangePasswordContext): Promise<{ confirmation: Confirmation; sessionVersion: number }> {
  requirePermission(actor, "account:manage");
  // Before the current password is checked: a refused new password costs no sign-in attempt.
  await refuseGuessablePassword(input.newPassword, "newPassword", actor);
  const keys = lockKeys(actor.email, ip);
  const admission = await admitSignIn(keys, clock);
  if (admission.kind !== "admitted") {
    const message = admission.kind === "locked" ? lockedMessage(admission.until) : SIGN_IN_BUSY;
    throw new AppError("VALIDATION", message, { currentPassword: [message] });
  }

  let outcome: Outcome = "abandoned";
  let settled = false;
  try {
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, email: true, name: true, language: true, passwordHash: true } });
    outcome = (await verifyPassword(user.passwordHash, input.currentPassword)) ? "passed" : "failed";
    if (outcome === "failed") {
      await db.$transaction(async (tx) => {
        await settleSignIn(tx, keys, "failed", clock());
        await writeAudit(tx, { actor, action: "account.password-change-failed", entityType: "User", entityId: actor.id, ip, details: { reason: "wrong current password" } });
      });
      settled = true;
      throw new AppError("VALIDATION", WRONG_CURRENT_PASSWORD, { currentPassword: [WRONG_CURRENT_PASSWORD] });
    }
    const passwordHash = await hashPassword(input.newPassword);
    const result = await db.$transaction(async (tx) => {
      const changedAt = clock();
      await settleSignIn(tx, keys, "passed", changedAt);
      await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
      const { sessionVersion } = await endOtherSessions(tx, actor.id, sessionId);
      await writeAudit(tx, { actor, action: "account.password-change", entityType: "User", entityId: actor.id, ip });
      await enqueuePasswordChanged(tx, { id: user.id, email: user.email, name: user.name, language: user.language }, changedAt);
      return { confirmation: "account.password-changed" as const, sessionVersion };
    });
    settled = true;
    return result;
  } catch (error) {
    // The check's place is freed; a wrong password whose failure was not saved still counts.
    if (!settled) await db.$transaction((tx) => settleSignIn(tx, keys, outcome === "failed" ? "failed" : "abandoned", clock())).catch(() => undefined);
    throw error;
  }
}
