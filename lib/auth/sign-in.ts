import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/permissions";
import { verifyAgainstDummy, verifyPassword } from "./password";

export const INCORRECT_CREDENTIALS = "Incorrect email or password";
export const ACCOUNT_DEACTIVATED = "This account has been deactivated. Ask an administrator to reactivate it.";

/** Failed sign-ins allowed for one account from one address before that pair is locked. */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

export type SignInResult = { ok: true; user: Actor & { sessionVersion: number } } | { ok: false; message: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks an email and password; the same message whether the email or the password is wrong. */
export async function signIn(emailInput: string, password: string, ip: string | null): Promise<SignInResult> {
  const email = normaliseEmail(emailInput).slice(0, 320);
  const lockedUntil = await lockedUntilFor(email, ip);
  if (lockedUntil) {
    await db.$transaction((tx) => writeAudit(tx, { actorEmail: email, action: "auth.sign-in-locked", ip, details: { until: lockedUntil.toISOString() } }));
    return { ok: false, message: `Too many failed attempts to sign in. For your security, sign-in is locked until ${TIME.format(lockedUntil)}; try again then.` };
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const passwordMatches = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !passwordMatches || !user.active) {
    await db.$transaction((tx) =>
      writeAudit(tx, {
        actor: user ? { id: user.id, email: user.email } : null,
        actorEmail: email,
        action: "auth.sign-in-failed",
        ip,
        details: { reason: !user ? "unknown email" : !passwordMatches ? "wrong password" : "deactivated" },
      }),
    );
    // Only someone who knows the password learns that the account is deactivated.
    return { ok: false, message: user && passwordMatches ? ACCOUNT_DEACTIVATED : INCORRECT_CREDENTIALS };
  }
  await db.$transaction((tx) => writeAudit(tx, { actor: user, action: "auth.sign-in", ip }));
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}

/**
 * The failures of the last LOCK_MINUTES for this email from this address, read from the audit
 * log (shared by every server instance). The pair stays locked LOCK_MINUTES after the last of them.
 */
async function lockedUntilFor(email: string, ip: string | null): Promise<Date | null> {
  const since = new Date(Date.now() - LOCK_MINUTES * 60 * 1000);
  const failures = await db.auditLog.findMany({
    where: { action: "auth.sign-in-failed", actorEmail: email, ip, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILURES) return null;
  return new Date(failures[0]!.createdAt.getTime() + LOCK_MINUTES * 60 * 1000);
}
