import { describe, expect, it } from "vitest";
import { formatRecoveryCode, normaliseRecoveryCode, normaliseTotpCode, twoStepRequired } from "./two-step";

describe("who must use two-step verification", () => {
  // The setting's meaning, written out: nobody; admins only; every role.
  const table = {
    NOBODY: { STAFF: false, COUNCILLOR: false, ADMIN: false },
    ADMINS: { STAFF: false, COUNCILLOR: false, ADMIN: true },
    EVERYONE: { STAFF: true, COUNCILLOR: true, ADMIN: true },
  } as const;
  it.each(Object.entries(table))("%s", (requirement, roles) => {
    for (const [role, required] of Object.entries(roles)) expect(twoStepRequired(requirement as keyof typeof table, role as keyof typeof roles)).toBe(required);
  });
});

describe("codes as typed", () => {
  it("a TOTP code: six digits, spaces allowed", () => {
    expect(normaliseTotpCode("123456")).toBe("123456");
    expect(normaliseTotpCode(" 123 456 ")).toBe("123456");
    for (const typed of ["12345", "1234567", "12345a", ""]) expect(normaliseTotpCode(typed)).toBeNull();
  });

  it("a recovery code: any case, with or without hyphens or spaces; never a misreadable letter", () => {
    const code = "abcd0123efgh4567";
    expect(formatRecoveryCode(code)).toBe("abcd-0123-efgh-4567");
    for (const typed of ["abcd-0123-efgh-4567", "ABCD 0123 EFGH 4567", "abcd0123efgh4567"]) expect(normaliseRecoveryCode(typed)).toBe(code);
    for (const typed of ["abcd-0123-efgh-456", "abcd-0123-efgh-4567-8", "ilou-0123-efgh-4567", "123456"]) expect(normaliseRecoveryCode(typed)).toBeNull();
  });
});
