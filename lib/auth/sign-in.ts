import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/permissions";
import { verifyAgainstDummy, verifyPassword } from "./password";

export const INCORRECT_CREDENTIALS = "Incorrect email or password";
export const ACCOUNT_DEACTIVATED = "This account has been deactivated. Ask an administrator to reactivate it.";

export type SignInResult = { ok: true; user: Actor & { sessionVersion: number } } | { ok: false; message: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks an email and password; the same message whether the email or the password is wrong. */
export async function signIn(emailInput: string, password: string, ip: string | null): Promise<SignInResult> {
  const email = normaliseEmail(emailInput).slice(0, 320);
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
