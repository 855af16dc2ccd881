// Two-step verification's rules, pure: who a council's setting requires to use it, and what a
// recovery code looks like. The codes themselves are checked in lib/auth/two-step.ts.
import type { Role, TwoStepRequirement } from "@/generated/prisma/enums";
import { assertNever } from "./lifecycle";

/** Who a council may require to use two-step verification, in the order the setting offers them. */
export const TWO_STEP_REQUIREMENTS = ["NOBODY", "ADMINS", "EVERYONE"] as const satisfies readonly TwoStepRequirement[];

/** Whether the council's setting requires a user of `role` to use two-step verification. */
export function twoStepRequired(requirement: TwoStepRequirement, role: Role): boolean {
  switch (requirement) {
    case "NOBODY":
      return false;
    case "ADMINS":
      return role === "ADMIN";
    case "EVERYONE":
      return true;
    default:
      return assertNever(requirement);
  }
}

/** How many recovery codes a user is given at a time. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * A recovery code: 16 characters of Crockford's base32 (80 random bits), shown in groups of four.
 * No I, L, O or U: nothing to misread. Typed in any case, with or without the hyphens or spaces.
 */
export const RECOVERY_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const RECOVERY_CODE_LENGTH = 16;

/** A code as shown: "abcd-efgh-jkmn-pqrs". */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}

/** What was typed, as a recovery code is stored (lower case, no separators), or null when it cannot be one. */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed.toLowerCase().replace(/[\s-]/g, "");
  if (code.length !== RECOVERY_CODE_LENGTH) return null;
  return [...code].every((character) => RECOVERY_CODE_ALPHABET.includes(character)) ? code : null;
}

/** A TOTP code as typed: six digits, spaces allowed ("123 456"); null when it is not one. */
export function normaliseTotpCode(typed: string): string | null {
  const code = typed.replace(/\s/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}
