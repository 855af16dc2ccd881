// When a partnership has gone quiet: Active, and no exchange or event in the last N months
// (the council setting "dormancyMonths", 24 by default). Pure: no database, no framework.
import type { AgreementStatus } from "@/generated/prisma/enums";

export type DormancyInput = {
  status: AgreementStatus;
  /** The latest exchange or event on or before `now` (see lastActivityByAgreement); null if none. */
  lastActivity: Date | null | undefined;
  now: Date;
  dormancyMonths: number;
  /**
   * When the link began or came into force, if known: a link younger than the window has not
   * had the chance to be dormant yet.
   */
  since?: Date | null;
};

/**
 * The start of the window: the day N calendar months before `now`, at UTC midnight (31 March
 * less one month is 28 or 29 February). Whole days, like the dates of exchanges.
 */
export function dormancyCutoff(now: Date, dormancyMonths: number): Date {
  if (!Number.isInteger(dormancyMonths) || dormancyMonths < 1) throw new RangeError("dormancyMonths must be a whole number of months, 1 or more");
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - dormancyMonths;
  const firstOfMonth = new Date(Date.UTC(year, month, 1));
  const daysInMonth = new Date(Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      firstOfMonth.getUTCFullYear(),
      firstOfMonth.getUTCMonth(),
      Math.min(now.getUTCDate(), daysInMonth),
    ),
  );
}

/** The one status in which a link can be dormant. The SQL form of the rule (dormantCondition) reads it. */
export const DORMANT_STATUS = "ACTIVE" satisfies AgreementStatus;

/**
 * When a link could first have had activity, in order of preference: it began, else was
 * formalised, else was drafted here. The SQL form of the rule reads this list.
 */
export const DORMANCY_SINCE_FIELDS = ["linkBegan", "formalisedOn", "createdAt"] as const;
export type DormancySinceField = (typeof DORMANCY_SINCE_FIELDS)[number];

export function dormancySince(agreement: { linkBegan: Date | null; formalisedOn: Date | null; createdAt?: Date | null }): Date | null {
  for (const field of DORMANCY_SINCE_FIELDS) {
    const date = agreement[field];
    if (date) return date;
  }
  return null;
}

/**
 * What counts as activity: the latest moment, up to `now`, of an exchange or event that has begun
 * (an exchange's dates are UTC midnights, and it counts until its end day). The database keeps
 * the same as Agreement."lastActivityOn" by triggers (migration 20261128210000_performance), and
 * tests/integration/dormancy.test.ts checks that they agree at the window's edges.
 */
export function lastActivityOf(items: readonly { start: Date; end?: Date | null }[], now: Date): Date | null {
  let latest: Date | null = null;
  for (const { start, end } of items) {
    if (start > now) continue;
    const at = new Date(Math.min((end ?? start).getTime(), now.getTime()));
    if (!latest || at > latest) latest = at;
  }
  return latest;
}

/** True when an Active agreement has had no exchange or event within the window. */
export function isDormant({ status, lastActivity, now, dormancyMonths, since }: DormancyInput): boolean {
  if (status !== DORMANT_STATUS) return false;
  const cutoff = dormancyCutoff(now, dormancyMonths);
  if (lastActivity && lastActivity >= cutoff) return false;
  if (since && since >= cutoff) return false;
  return true;
}
