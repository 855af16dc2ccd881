// What the integration tests ask of an operation's outcome, and the dates they type.
import { AppError } from "@/lib/domain/errors";

/** The AppError an operation was refused with; the test fails if it succeeded or threw anything else. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("Expected the operation to be refused, and it succeeded.");
}

/** A day `days` after today (before, if negative), as a date input sends it: "2027-03-31". */
export function daysFromToday(days: number, today = new Date()): string {
  const date = new Date(today);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
