// "Forgot your password?": a link by email that lets its owner choose a new password.
//  - Asking (/password-reset) answers the same whether or not the email has an account, and is
//    throttled like sign-in (lib/domain/sign-in-lock.ts RESET_*: every request counts).
//  - The link is single-use and works for 30 minutes (lib/links/single-use-link.ts); only its
//    hash is stored, and the outbox keeps it only until it is sent.
//  - Opening the link's page uses nothing up (mail scanners open links); posting the new password
//    does, and ends every session of the user, in one transaction with the audit row and a notice.
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/domain/errors";
import { RESET_LINK_USED, RESET_THROTTLED, type PasswordResetInput } from "@/lib/domain/validation/account";
import { consumeLink, findLiveLink, issueLink } from "@/lib/links/single-use-link";
import { enqueuePasswordChanged, enqueuePasswordReset } from "@/lib/notifications/enqueue";
import type { Confirmation } from "@/lib/web/confirmations";
import { hashPassword } from "./password";
import { refuseGuessablePassword } from "./password-strength";
import { endUserSessions } from "./sessions";
import { normaliseEmail, SIGN_IN_BUSY } from "./sign-in";
import { admitSignIn, clearEmailLock, resetLockKeys, settleSignIn } from "./sign-in-lock";

export { RESET_LINK_USED, RESET_THROTTLED };

type Clock = { clock?: () => Date };

/**
 * Sends a reset link to the account with this email, if there is an active one. The caller shows
 * the same confirmation either way; only a throttled request is refused (for any email alike).
 */
export async function requestPasswordReset(emailInput: string, address: string | null, { clock = () => new Date() }: Clock = {}): Promise<{ confirmation: Confirmation }> {
  const email = normaliseEmail(emailInput);
  const keys = resetLockKeys(email, address);
  const admission = await admitSignIn(keys, clock);
  if (admission.kind !== "admitted") {
    const message = admission.kind === "locked" ? RESET_THROTTLED : SIGN_IN_BUSY;
    throw new AppError("VALIDATION", message, { email: [message] });
  }
  let settled = false;
  try {
    await db.$transaction(async (tx) => {
      const now = clock();
      await settleSignIn(tx, keys, "failed", now);
      const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, language: true, active: true } });
      if (!user?.active) return;
      const link = await issueLink(tx, "password-reset", user.id, now);
      await enqueuePasswordReset(tx, user, link, now);
      await writeAudit(tx, { actorEmail: email, action: "account.password-reset-requested", entityType: "User", entityId: user.id, ip: address });
    });
    settled = true;
  } finally {
    if (!settled) await db.$transaction((tx) => settleSignIn(tx, keys, "abandoned", clock())).catch(() => undefined);
  }
  return { confirmation: "passwordReset.sent" };
}

/** Whether a reset link still works (its page shows the form, or says to ask again). Uses nothing up. */
export async function resetLinkWorks(token: string, { clock = () => new Date() }: Clock = {}): Promise<boolean> {
  return (await findLiveLink("password-reset", token, clock())) !== null;
}

/**
 * Sets the new password through a reset link, in one transaction: the link used up, the hash, every
 * session ended, the email's sign-in lock cleared (they proved the mailbox is theirs), an audit
 * row and the password-changed notice. A link already used, expired or unknown is refused.
 */
export async function resetPassword(input: PasswordResetInput, address: string | null, { clock = () => new Date() }: Clock = {}): Promise<{ confirmation: Confirmation }> {
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    const now = clock();
    const userId = await consumeLink(tx, "password-reset", input.token, now);
    const user = userId ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, language: true, active: true } }) : null;
    if (!user?.active) throw new AppError("VALIDATION", RESET_LINK_USED);
    // Judged against the owner's own email and name; a refusal rolls the link's use back.
    await refuseGuessablePassword(input.newPassword, "newPassword", user);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endUserSessions(tx, user.id);
    await clearEmailLock(tx, user.email);
    await writeAudit(tx, { actorEmail: user.email, action: "account.password-reset", entityType: "User", entityId: user.id, ip: address });
    await enqueuePasswordChanged(tx, user, now);
  });
  return { confirmation: "session.password-reset" };
}
