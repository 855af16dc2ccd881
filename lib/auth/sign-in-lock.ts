// The sign-in lock's counters in the database (one SignInCounter row per email and per client
// address), shared by every server process and machine. The rules are lib/domain/sign-in-lock.ts;
// here they are applied with the counters' rows locked (SELECT … FOR UPDATE, always in key order so
// two attempts never wait on each other in a circle): an attempt takes its place before its
// password is checked, so no number of concurrent attempts gets more checks than the rules allow.
import { db, type Tx } from "@/lib/db";
import { ADDRESS_RULE, addressKey, admit, EMAIL_RULE, emailKey, RESET_ADDRESS_RULE, RESET_EMAIL_RULE, settle, type Counter, type LockRule, type Outcome } from "@/lib/domain/sign-in-lock";

/** The two counters an attempt counts in, in key order (the order their rows are locked in). */
export type LockKeys = readonly { key: string; rule: LockRule }[];

export function lockKeys(email: string, address: string | null): LockKeys {
  return [
    { key: emailKey(email), rule: EMAIL_RULE },
    { key: addressKey(address), rule: ADDRESS_RULE },
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The counters a request for a password reset link counts in: its own, apart from sign-in's. */
export function resetLockKeys(email: string, address: string | null): LockKeys {
  return [
    { key: `reset-${emailKey(email)}`, rule: RESET_EMAIL_RULE },
    { key: `reset-${addressKey(address)}`, rule: RESET_ADDRESS_RULE },
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** How long an attempt waits for others' checks to finish (a busy counter) before it is refused. */
const BUSY_WAIT_MS = 10_000;

export type AdmitResult = { kind: "admitted" } | { kind: "locked"; until: Date } | { kind: "busy" };

type Row = Counter & { key: string };

/** Creates the rows if need be, and locks them until the transaction ends. */
async function lockCounters(tx: Tx, keys: LockKeys): Promise<Map<string, Counter>> {
  const [first, second] = keys.map((entry) => entry.key);
  await tx.$executeRaw`INSERT INTO "SignInCounter" ("key") VALUES (${first}), (${second}) ON CONFLICT ("key") DO NOTHING`;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT "key", "failures", "pending", "pendingSince", "firstFailureAt", "lastFailureAt", "lockedUntil"
    FROM "SignInCounter" WHERE "key" IN (${first}, ${second})
    ORDER BY "key" FOR UPDATE`;
  return new Map(rows.map(({ key, ...counter }) => [key, { ...counter, failures: Number(counter.failures), pending: Number(counter.pending) }]));
}

async function saveCounter(tx: Tx, key: string, counter: Counter, now: Date): Promise<void> {
  await tx.signInCounter.update({ where: { key }, data: { ...counter, updatedAt: now } });
}

/**
 * Takes a place for an attempt in both counters, or says why not: locked (until when), or busy for
 * longer than BUSY_WAIT_MS. While a counter is busy — its room taken by attempts being checked —
 * the attempt waits for them and asks again.
 */
export async function admitSignIn(keys: LockKeys, clock: () => Date = () => new Date()): Promise<AdmitResult> {
  const started = Date.now();
  for (;;) {
    const result = await db.$transaction(async (tx): Promise<AdmitResult> => {
      const counters = await lockCounters(tx, keys);
      const now = clock();
      const admissions = keys.map(({ key, rule }) => ({ key, admission: admit(counters.get(key)!, rule, now) }));
      const until = admissions.reduce<Date | null>((latest, { admission }) => (admission.kind === "locked" && (!latest || admission.until > latest) ? admission.until : latest), null);
      if (until) return { kind: "locked", until };
      if (admissions.some(({ admission }) => admission.kind === "busy")) return { kind: "busy" };
      for (const { key, admission } of admissions) if (admission.kind === "admitted") await saveCounter(tx, key, admission.counter, now);
      return { kind: "admitted" };
    });
    if (result.kind !== "busy" || Date.now() - started >= BUSY_WAIT_MS) return result;
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
  }
}

/** Records how an admitted attempt ended, in the caller's transaction (with its audit row). */
export async function settleSignIn(tx: Tx, keys: LockKeys, outcome: Outcome, now: Date = new Date()): Promise<void> {
  const counters = await lockCounters(tx, keys);
  for (const { key, rule } of keys) await saveCounter(tx, key, settle(counters.get(key)!, rule, now, outcome), now);
}

/**
 * An administrator's unlock: the account's own counter (its email's) is removed, failures and lock
 * with it, in the caller's transaction. A client address's counter is left: it guards every account.
 */
export async function clearEmailLock(tx: Tx, email: string): Promise<void> {
  await tx.signInCounter.deleteMany({ where: { key: emailKey(email) } });
}

/** Removes counters nobody has used for a day: by then their failures are forgotten (jobs). */
export async function deleteForgottenSignInCounters(now = new Date()): Promise<{ deleted: number }> {
  const { count } = await db.signInCounter.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  return { deleted: count };
}
