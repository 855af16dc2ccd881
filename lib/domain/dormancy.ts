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

/** When a link could first have had activity: it began, else was formalised, else was drafted here. */
export function dormancySince(agreement: { linkBegan: Date | null; formalisedOn: Date | null; createdAt?: Date | null }): Date | null {
  return agreement.linkBegan ?? agreement.formalisedOn ?? agreement.createdAt ?? null;
}

/** True when an Active agreement has had no exchange or event within the window. */
export function isDormant({ status, lastActivity, now, dormancyMonths, since }: DormancyInput): boolean {
  if (status !== "ACTIVE") return false;
  const cutoff = dormancyCutoff(now, dormancyMonths);
  if (lastActivity && lastActivity >= cutoff) return false;
  if (since && since >= cutoff) return false;
  return true;
}
