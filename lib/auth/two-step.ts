// Two-step verification (TOTP, RFC 6238) for one user: setting it up on /account, the codes that
// prove it is them (signing in, turning it off, new recovery codes), and an admin's reset.
//
// The TOTP secret is kept sealed (lib/auth/secret-box.ts), bound to its user. A code works once:
// the last time step accepted is kept, and a code of that step or an earlier one is refused, in
// the same conditional UPDATE that accepts it (two requests with one code: one wins). Recovery
// codes are 80 random bits each, kept as SHA-256 hashes: a fast hash is enough for a secret that
// cannot be guessed (argon2 protects low-entropy passwords), and it lets one statement find and
// spend a code (`UPDATE … WHERE codeHash = … AND usedAt IS NULL`), so a code is spent once under
// any concurrency and a guess costs no argon2 run per stored code.
import { createHash, randomInt } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { enqueueTwoStepChanged } from "@/lib/notifications/enqueue";
import type { TwoStepChange } from "@/lib/notifications/templates";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { Outcome } from "@/lib/domain/sign-in-lock";
import { formatRecoveryCode, normaliseRecoveryCode, normaliseTotpCode, RECOVERY_CODE_ALPHABET, RECOVERY_CODE_COUNT, RECOVERY_CODE_LENGTH, twoStepRequired } from "@/lib/domain/two-step";
import { validationMessage } from "@/lib/domain/validation/messages";
import { REQUIRED_BY_COUNCIL, WRONG_PROOF, WRONG_SETUP_CODE, type TwoStepProofInput } from "@/lib/domain/validation/two-step";
import type { Confirmation } from "@/lib/web/confirmations";
import { verifyPassword } from "./password";
import { open, seal } from "./secret-box";
import { endUserSessions } from "./sessions";
import { lockedMessage, SIGN_IN_BUSY } from "./sign-in";
import { admitSignIn, lockKeys, settleSignIn } from "./sign-in-lock";
import { matchTotpStep, newTotpSecret } from "./totp";

const OUT_OF_DATE = validationMessage("rule.outOfDate");

type Clock = () => Date;

/** What a sealed secret is bound to: its user. */
function secretContext(userId: string): string {
  return `two-step-totp:${userId}`;
}

export function hashRecoveryCode(normalised: string): string {
  return createHash("sha256").update(normalised).digest("hex");
}

function newRecoveryCode(): string {
  return Array.from({ length: RECOVERY_CODE_LENGTH }, () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)]).join("");
}

/** Ten new recovery codes in place of the old ones; returns them as shown, the only time they are. */
async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })) });
  return codes.map(formatRecoveryCode);
}

export type TwoStepStatus =
  | { state: "off" }
  /** Started on /account, waiting for the first code: the secret to show. */
  | { state: "setting-up"; secret: string; generation: string }
  | { state: "on"; since: Date; recoveryCodesLeft: number; generation: string };

/** Which setup a sealed secret is (a new setup seals a new secret): names it without showing it. */
function generationOf(sealed: string): string {
  return createHash("sha256").update(sealed).digest("hex").slice(0, 16);
}

/** The user's two-step verification as /account shows it (the secret only while it is being set up). */
export async function readTwoStepStatus(userId: string): Promise<TwoStepStatus> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { twoStepSecret: true, twoStepEnabledAt: true } });
  if (user.twoStepEnabledAt) {
    const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId, usedAt: null } });
    return { state: "on", since: user.twoStepEnabledAt, recoveryCodesLeft, generation: generationOf(user.twoStepSecret ?? "") };
  }
  if (user.twoStepSecret) return { state: "setting-up", secret: open(user.twoStepSecret, secretContext(userId)), generation: generationOf(user.twoStepSecret) };
  return { state: "off" };
}

/** Starts setting up: a new secret, sealed, waiting for its first code. Starting again replaces it. */
export async function startTwoStepSetup(actor: Actor, { ip = null }: { ip?: string | null } = {}): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "account:manage");
  await db.$transaction(async (tx) => {
    const sealed = seal(newTotpSecret(), secretContext(actor.id));
    const { count } = await tx.user.updateMany({ where: { id: actor.id, twoStepEnabledAt: null }, data: { twoStepSecret: sealed, twoStepLastStep: null } });
    if (count === 0) throw new AppError("INVALID_TRANSITION", OUT_OF_DATE);
    await writeAudit(tx, { actor, action: "account.two-step-setup-start", entityType: "User", entityId: actor.id, ip });
  });
  return { confirmation: "account.two-step-setup" };
}

/** Gives up a setup not yet confirmed. */
export async function cancelTwoStepSetup(actor: Actor, { ip = null }: { ip?: string | null } = {}): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "account:manage");
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: actor.id, twoStepEnabledAt: null }, data: { twoStepSecret: null, twoStepLastStep: null } });
    if (count > 0) await writeAudit(tx, { actor, action: "account.two-step-setup-cancel", entityType: "User", entityId: actor.id, ip });
  });
  return { confirmation: "account.two-step-cancelled" };
}

/**
 * Confirms the setup with a code from the app: two-step verification is on, and ten recovery
 * codes are made. `revealed`: the codes, shown this once (only their hashes are kept).
 */
export async function confirmTwoStepSetup(
  input: { code: string },
  actor: Actor,
  { ip = null, clock = () => new Date() }: { ip?: string | null; clock?: Clock } = {},
): Promise<{ confirmation: Confirmation; revealed: string[] }> {
  requirePermission(actor, "account:manage");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { twoStepSecret: true, twoStepEnabledAt: true } });
  if (user.twoStepEnabledAt || !user.twoStepSecret) throw new AppError("INVALID_TRANSITION", OUT_OF_DATE);
  const now = clock();
  const code = normaliseTotpCode(input.code);
  const step = code === null ? null : matchTotpStep(open(user.twoStepSecret, secretContext(actor.id)), code, now);
  if (step === null) throw new AppError("VALIDATION", WRONG_SETUP_CODE, { code: [WRONG_SETUP_CODE] });
  return db.$transaction(async (tx) => {
    // The secret the code was checked against, still waiting: not replaced or confirmed meanwhile.
    const { count } = await tx.user.updateMany({ where: { id: actor.id, twoStepSecret: user.twoStepSecret, twoStepEnabledAt: null }, data: { twoStepEnabledAt: now, twoStepLastStep: step } });
    if (count === 0) throw new AppError("INVALID_TRANSITION", OUT_OF_DATE);
    const revealed = await replaceRecoveryCodes(tx, actor.id, now);
    await writeAudit(tx, { actor, action: "account.two-step-on", entityType: "User", entityId: actor.id, ip });
    await noticeToOwner(tx, actor.id, "on", now);
    return { confirmation: "account.two-step-on" as const, revealed };
  });
}

/**
 * Spends a verification code of a user whose two-step verification is on, in `tx`: a TOTP code
 * of a later step than the last accepted, or an unused recovery code. Returns what it was, or
 * null when it is neither (nothing is spent).
 */
export async function spendVerificationCode(tx: Tx, userId: string, typed: string, now: Date): Promise<"totp" | "recovery-code" | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { twoStepSecret: true, twoStepEnabledAt: true } });
  if (!user?.twoStepEnabledAt || !user.twoStepSecret) return null;
  const totp = normaliseTotpCode(typed);
  if (totp !== null) {
    const step = matchTotpStep(open(user.twoStepSecret, secretContext(userId)), totp, now);
    if (step === null) return null;
    // Accepted only past the last accepted step, in this one statement: a code (or an older one) is never accepted twice.
    const accepted = await tx.$executeRaw`
      UPDATE "User" SET "twoStepLastStep" = ${step}
      WHERE "id" = ${userId}::uuid AND "twoStepEnabledAt" IS NOT NULL AND ("twoStepLastStep" IS NULL OR "twoStepLastStep" < ${step})`;
    return accepted === 1 ? "totp" : null;
  }
  const recovery = normaliseRecoveryCode(typed);
  if (recovery === null) return null;
  const spent = await tx.$executeRaw`
    UPDATE "RecoveryCode" SET "usedAt" = ${now.toISOString()}::timestamptz
    WHERE "userId" = ${userId}::uuid AND "codeHash" = ${hashRecoveryCode(recovery)} AND "usedAt" IS NULL`;
  return spent === 1 ? "recovery-code" : null;
}

/**
 * A check the sign-in lock admits first and counts (lib/auth/sign-in-lock.ts): a wrong answer
 * counts as a failed sign-in of the account, so a code or password cannot be guessed here faster
 * than on the sign-in page. `check` runs in the transaction that settles the attempt and returns
 * whether it passed; on a failure `failed` writes its audit row there. The refusal names `field`.
 */
export async function checkUnderSignInLock<T>(
  { email, ip, clock, field }: { email: string; ip: string | null; clock: Clock; field: string },
  check: (tx: Tx, now: Date) => Promise<T | null>,
  failed: (tx: Tx) => Promise<void>,
  wrongMessage: string,
): Promise<T> {
  const keys = lockKeys(email, ip);
  const admission = await admitSignIn(keys, clock);
  if (admission.kind !== "admitted") {
    const message = admission.kind === "locked" ? lockedMessage(admission.until) : SIGN_IN_BUSY;
    throw new AppError("VALIDATION", message, { [field]: [message] });
  }
  let outcome: Outcome = "abandoned";
  let settled = false;
  try {
    const result = await db.$transaction(async (tx) => {
      const now = clock();
      const passed = await check(tx, now);
      outcome = passed === null ? "failed" : "passed";
      await settleSignIn(tx, keys, outcome, now);
      if (passed === null) await failed(tx);
      return passed;
    });
    settled = true;
    if (result === null) throw new AppError("VALIDATION", wrongMessage, { [field]: [wrongMessage] });
    return result;
  } catch (error) {
    // The attempt's place is freed; a wrong answer whose failure was not saved still counts.
    if (!settled) await db.$transaction((tx) => settleSignIn(tx, keys, outcome === "failed" ? "failed" : "abandoned", clock())).catch(() => undefined);
    throw error;
  }
}

/** The current password, or a verification code (spent), proves it is the user: under the sign-in lock. */
async function requireProof(actor: Actor, input: TwoStepProofInput, action: string, ip: string | null, clock: Clock): Promise<void> {
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  // argon2 runs before the transaction that may spend a code: it holds no row lock meanwhile.
  const passwordMatches = await verifyPassword(passwordHash, input.passwordOrCode);
  await checkUnderSignInLock(
    { email: actor.email, ip, clock, field: "passwordOrCode" },
    async (tx, now) => (passwordMatches ? "password" : await spendVerificationCode(tx, actor.id, input.passwordOrCode, now)),
    (tx) => writeAudit(tx, { actor, action: `${action}-failed`, entityType: "User", entityId: actor.id, ip, details: { reason: "wrong password or code" } }),
    WRONG_PROOF,
  );
}

/** Turns two-step verification off (the recovery codes go too), unless the council requires it for the user's role. */
export async function turnOffTwoStep(actor: Actor, input: TwoStepProofInput, { ip = null, clock = () => new Date() }: { ip?: string | null; clock?: Clock } = {}): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "account:manage");
  const settings = await db.councilSettings.findUnique({ where: { id: 1 }, select: { twoStepRequiredFor: true } });
  if (twoStepRequired(settings?.twoStepRequiredFor ?? "NOBODY", actor.role)) throw new AppError("INVALID_TRANSITION", REQUIRED_BY_COUNCIL);
  await requireProof(actor, input, "account.two-step-off", ip, clock);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { twoStepSecret: null, twoStepEnabledAt: null, twoStepLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await writeAudit(tx, { actor, action: "account.two-step-off", entityType: "User", entityId: actor.id, ip });
    await noticeToOwner(tx, actor.id, "off", clock());
  });
  return { confirmation: "account.two-step-off" };
}

/** Ten new recovery codes in place of the old ones (all of which stop working); shown this once. */
export async function renewRecoveryCodes(
  actor: Actor,
  input: TwoStepProofInput,
  { ip = null, clock = () => new Date() }: { ip?: string | null; clock?: Clock } = {},
): Promise<{ confirmation: Confirmation; revealed: string[] }> {
  requirePermission(actor, "account:manage");
  const { twoStepEnabledAt } = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { twoStepEnabledAt: true } });
  if (!twoStepEnabledAt) throw new AppError("INVALID_TRANSITION", OUT_OF_DATE);
  await requireProof(actor, input, "account.recovery-codes", ip, clock);
  return db.$transaction(async (tx) => {
    const now = clock();
    const revealed = await replaceRecoveryCodes(tx, actor.id, now);
    await writeAudit(tx, { actor, action: "account.recovery-codes", entityType: "User", entityId: actor.id, ip });
    await noticeToOwner(tx, actor.id, "codes", now);
    return { confirmation: "account.recovery-codes" as const, revealed };
  });
}

/** An admin turns a user's two-step verification off (a lost phone): every session of theirs ends. */
export async function resetTwoStep(userId: string, actor: Actor, { ip = null }: { ip?: string | null } = {}): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "user:manage");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, twoStepEnabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", REFUSED.userMissing);
    await tx.user.update({ where: { id: userId }, data: { twoStepSecret: null, twoStepEnabledAt: null, twoStepLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await endUserSessions(tx, userId);
    await writeAudit(tx, { actor, action: "user.two-step-reset", entityType: "User", entityId: userId, ip, details: { email: user.email, wasOn: user.twoStepEnabledAt !== null } });
    await noticeToOwner(tx, userId, "reset", new Date());
  });
  return { confirmation: "user.two-step-reset" };
}

/** The security notice of a change to a user's two-step verification, in the change's transaction. */
async function noticeToOwner(tx: Tx, userId: string, change: TwoStepChange, at: Date): Promise<void> {
  const owner = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, language: true } });
  await enqueueTwoStepChanged(tx, owner, change, at);
}
