// Working days for the call-in period (issue 24 item 4, docs/decisions/023-call-in.md): calendar
// dates in the council's time zone (Europe/London), weekends and the bank holidays in the admins'
// list left out. Pure: the list is passed in; dates are "YYYY-MM-DD" strings (a Date at UTC
// midnight where the database keeps a date).
import { COUNCIL_TIME_ZONE } from "@/lib/domain/format";

const LONDON_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: COUNCIL_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in London at this instant: "2026-12-04" (a quarter past midnight BST is already the next day). */
export function londonDate(instant: Date): string {
  return LONDON_DATE.format(instant);
}

/** A "YYYY-MM-DD" date as the database keeps it: UTC midnight. */
export function dateAtUtcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function addDays(date: string, days: number): string {
  const next = dateAtUtcMidnight(date);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** Saturday and Sunday are not working days; nor is a date in the bank-holiday list. */
export function isWorkingDay(date: string, bankHolidays: ReadonlySet<string>): boolean {
  const weekday = dateAtUtcMidnight(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidays.has(date);
}

/** The `count`th working day after `date` (`date` itself not counted); `date` itself when count is 0. */
export function addWorkingDays(date: string, count: number, bankHolidays: ReadonlySet<string>): string {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, bankHolidays)) left -= 1;
  }
  return day;
}

/**
 * When a decision published on `published` (a London date) takes effect with a call-in period of
 * `periodDays` working days: the period is that many working days after the day of publication,
 * and the decision takes effect on the working day after the period's last day. Null: no period.
 */
export function takesEffectOn(published: string, periodDays: number, bankHolidays: ReadonlySet<string>): string | null {
  if (periodDays <= 0) return null;
  return addWorkingDays(published, periodDays + 1, bankHolidays);
}

/** The last day of the call-in period for a decision that takes effect on `effective`: the working day before it. */
export function callInPeriodEnds(effective: string, bankHolidays: ReadonlySet<string>): string {
  let day = addDays(effective, -1);
  while (!isWorkingDay(day, bankHolidays)) day = addDays(day, -1);
  return day;
}

/** How far ahead the bank-holiday list must reach before the admins' dashboard warns that it is running out. */
export const BANK_HOLIDAY_HORIZON_MONTHS = 6;

/** True when the list has no date later than ~6 months from `today` (a London date): admins should add the next year's. */
export function bankHolidaysRunningOut(latest: string | null, today: string): boolean {
  const horizon = dateAtUtcMidnight(today);
  horizon.setUTCMonth(horizon.getUTCMonth() + BANK_HOLIDAY_HORIZON_MONTHS);
  return latest === null || latest <= horizon.toISOString().slice(0, 10);
}
