// The sign-in lock's rules (ASVS 2.2.1), pure. Failed sign-ins are counted per email (across every
// address) and per client address (across every email), each in a counter. An attempt is admitted
// — its password checked — only while its counters have room, and it takes its place before the
// check: so concurrent guesses cannot all be checked before any of them is counted (a check that
// is still running counts as pending). lib/auth/sign-in-lock.ts keeps the counters in the
// database and applies these rules to them under a row lock.

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export type Counter = {
  /** Failed attempts that still count. */
  failures: number;
  /** Attempts admitted whose check has not finished. */
  pending: number;
  /** When the latest pending attempt was admitted. */
  pendingSince: Date | null;
  firstFailureAt: Date | null;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
};

export type LockRule = {
  name: "email" | "address";
  /** Failures that lock. */
  limit: number;
  /** When the counter's failures stop counting, or null when they count on. */
  forgottenAt(counter: Counter): Date | null;
  /** When the lock set by the failure that made `counter` ends (null: no lock). */
  lockEnds(counter: Counter, now: Date): Date | null;
  /** A right password clears the failures (an account's own), or only frees its place (an address shared by many). */
  clearedByRightPassword: boolean;
};

/**
 * An account: five failures lock it for a minute, and each failure after that (one try per lock)
 * doubles the lock, up to fifteen minutes. So a stranger who guesses at someone's email keeps them
 * out for minutes at most, and never for long after stopping. Failures are forgotten a day after
 * the last one, or at once when the right password is given.
 */
export const EMAIL_RULE: LockRule = {
  name: "email",
  limit: 5,
  forgottenAt: (counter) => (counter.lastFailureAt ? new Date(counter.lastFailureAt.getTime() + 24 * 60 * MINUTE) : null),
  lockEnds(counter, now) {
    if (counter.failures < EMAIL_RULE.limit) return null;
    const minutes = Math.min(15, 2 ** Math.min(counter.failures - EMAIL_RULE.limit, 4));
    return new Date(now.getTime() + minutes * MINUTE);
  },
  clearedByRightPassword: true,
};

/**
 * A client address (an IPv6 address's /64, which one subscriber holds): twenty failures, whatever
 * the emails, in the fifteen minutes from the first of them pause sign-in from it until those
 * fifteen minutes are over (password spraying: one password tried on many accounts).
 */
export const ADDRESS_RULE: LockRule = {
  name: "address",
  limit: 20,
  forgottenAt: (counter) => (counter.firstFailureAt ? new Date(counter.firstFailureAt.getTime() + 15 * MINUTE) : null),
  lockEnds: (counter) => (counter.failures >= ADDRESS_RULE.limit ? ADDRESS_RULE.forgottenAt(counter) : null),
  clearedByRightPassword: false,
};

/**
 * Asking for a password reset link (lib/auth/password-reset.ts), counted like sign-in failures:
 * every request counts. An email gets three links an hour, so nobody can flood someone's inbox;
 * an address ten in fifteen minutes, so nobody can probe many emails quickly.
 */
export const RESET_EMAIL_RULE: LockRule = {
  name: "email",
  limit: 3,
  forgottenAt: (counter) => (counter.firstFailureAt ? new Date(counter.firstFailureAt.getTime() + 60 * MINUTE) : null),
  lockEnds: (counter) => (counter.failures >= RESET_EMAIL_RULE.limit ? RESET_EMAIL_RULE.forgottenAt(counter) : null),
  clearedByRightPassword: false,
};

export const RESET_ADDRESS_RULE: LockRule = {
  name: "address",
  limit: 10,
  forgottenAt: (counter) => (counter.firstFailureAt ? new Date(counter.firstFailureAt.getTime() + 15 * MINUTE) : null),
  lockEnds: (counter) => (counter.failures >= RESET_ADDRESS_RULE.limit ? RESET_ADDRESS_RULE.forgottenAt(counter) : null),
  clearedByRightPassword: false,
};

/** A pending attempt older than this was lost (its process ended mid-check): its place is freed. */
export const PENDING_EXPIRY_MS = 30 * SECOND;

export const EMPTY_COUNTER: Counter = { failures: 0, pending: 0, pendingSince: null, firstFailureAt: null, lastFailureAt: null, lockedUntil: null };

/** The counter as it stands at `now`: forgotten failures and lost pending attempts dropped. */
export function currentCounter(counter: Counter, rule: LockRule, now: Date): Counter {
  let current = counter;
  const forgotten = rule.forgottenAt(current);
  if (forgotten && forgotten <= now) current = { ...current, failures: 0, firstFailureAt: null, lastFailureAt: null, lockedUntil: null };
  if (current.pending > 0 && current.pendingSince && current.pendingSince.getTime() + PENDING_EXPIRY_MS <= now.getTime()) current = { ...current, pending: 0 };
  return current;
}

/** When the lock on a counter ends, or null when it is not locked at `now`. */
export function lockedUntil(counter: Counter, rule: LockRule, now: Date): Date | null {
  const { lockedUntil: until } = currentCounter(counter, rule, now);
  return until && until > now ? until : null;
}

export type Admission =
  | { kind: "admitted"; counter: Counter }
  /** Locked until then: the attempt is refused without a check. */
  | { kind: "locked"; until: Date }
  /** The room left is taken by attempts still being checked: try again when they are done. */
  | { kind: "busy" };

/**
 * Whether an attempt may be checked now. While failures are under the limit, failures and pending
 * attempts together stay within it; at or over the limit (a lock that has ended), one at a time.
 */
export function admit(counter: Counter, rule: LockRule, now: Date): Admission {
  const current = currentCounter(counter, rule, now);
  if (current.lockedUntil && current.lockedUntil > now) return { kind: "locked", until: current.lockedUntil };
  const room = Math.max(rule.limit - current.failures, 1);
  if (current.pending >= room) return { kind: "busy" };
  return { kind: "admitted", counter: { ...current, pending: current.pending + 1, pendingSince: now } };
}

/**
 * How an admitted attempt ended: the password was wrong ("failed"), right ("passed"), or it was
 * not checked to the end ("abandoned": an error; it frees its place and counts as nothing).
 */
export type Outcome = "failed" | "passed" | "abandoned";

/** The counter after an admitted attempt ended. */
export function settle(counter: Counter, rule: LockRule, now: Date, outcome: Outcome): Counter {
  const current = currentCounter(counter, rule, now);
  const pending = Math.max(current.pending - 1, 0);
  if (outcome === "abandoned" || (outcome === "passed" && !rule.clearedByRightPassword)) return { ...current, pending };
  if (outcome === "passed") return { ...EMPTY_COUNTER, pending, pendingSince: current.pendingSince };
  const failed: Counter = { ...current, pending, failures: current.failures + 1, firstFailureAt: current.firstFailureAt ?? now, lastFailureAt: now };
  const ends = rule.lockEnds(failed, now);
  return { ...failed, lockedUntil: ends && (!current.lockedUntil || ends > current.lockedUntil) ? ends : current.lockedUntil };
}

/** The counter key of an email (already normalised). */
export function emailKey(email: string): string {
  return `email:${email}`;
}

/**
 * The counter key of a client address (canonical, lib/web/request-context.ts validAddress): an IPv4
 * address itself, an IPv6 address's /64 network, or "unknown" when there is none.
 */
export function addressKey(address: string | null): string {
  if (!address) return "address:unknown";
  if (!address.includes(":")) return `address:${address}`;
  const [head = "", tail] = address.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  return `address:${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
