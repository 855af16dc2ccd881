import { describe, expect, it } from "vitest";
import { matchTotpStep, newTotpSecret, totpCode, totpStep, totpUri } from "./totp";

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890" (base32 below), 8-digit codes; the
// last six digits are the 6-digit code of the same step (RFC 4226's truncation keeps the low digits).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_VECTORS: [seconds: number, eightDigits: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP codes (RFC 6238)", () => {
  it("computes the RFC's test vectors", () => {
    for (const [seconds, code] of RFC_VECTORS) expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(code.slice(2));
  });

  it("accepts a code in its own step and the steps either side (a clock slightly out), and says which step it is", () => {
    const now = new Date(1_800_000_000_000);
    const step = totpStep(now);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, now), now)).toBe(step);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
  });

  it("refuses a code two steps away, another secret's code, and what is not a code", () => {
    const now = new Date(1_800_000_000_000);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 60_000)), now)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() + 60_000)), now)).toBeNull();
    const other = newTotpSecret();
    expect(matchTotpStep(RFC_SECRET, totpCode(other, now), now) === null || totpCode(other, now) === totpCode(RFC_SECRET, now)).toBe(true);
    expect(matchTotpStep(RFC_SECRET, "abcdef", now)).toBeNull();
  });

  it("new secrets are 160 random bits in base32; the QR code's address names the council and the account", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "sam@council.example", "Coventry City Council"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Coventry City Council:sam@council.example");
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret, issuer: "Coventry City Council", algorithm: "SHA1", digits: "6", period: "30" });
  });
});
