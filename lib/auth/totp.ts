// TOTP (RFC 6238) with the otpauth library: the settings every authenticator app reads from a
// QR code (SHA-1, 6 digits, 30 seconds), and the check of a code against a clock.
import { Secret, TOTP } from "otpauth";

const PERIOD_SECONDS = 30;
/** Codes of the step before and after are accepted too: a phone's clock a little out, or a code typed as it changed. */
const WINDOW = 1;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "", issuer = ""): TOTP {
  return new TOTP({ issuer, label, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// address an authenticator app reads from the QR code: the issuer (the council) and the account's email. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totp(secret, account, issuer).toString();
}

/** The time step `now` falls in. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
}

/**
 * The time step whose code `code` is (within the window around `now`), or null when it is no valid
 * code. The caller refuses a step at or before the last one accepted: a code works once.
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : totpStep(now) + delta;
}

/** The code for `now` (tests; an authenticator app computes the same). */
export function totpCode(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}
