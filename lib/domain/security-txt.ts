// /.well-known/security.txt (RFC 9116): where to report a vulnerability. The contact is the
// council's setting "Security contact" (an email address or an https:// page); the file expires
// EXPIRES_AFTER_DAYS after it is served, so it never goes stale while the site runs.
import { z } from "zod";

export const SECURITY_TXT_PATH = "/.well-known/security.txt";
/** RFC 9116 recommends less than a year: renewed on every request. */
export const SECURITY_TXT_EXPIRES_AFTER_DAYS = 180;

/** An email address or an https:// address: what the "Security contact" setting accepts. */
export function isSecurityContact(value: string): boolean {
  if (z.email().safeParse(value).success) return true;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The contact as RFC 9116's URI: mailto: for an email address. */
export function securityContactUri(value: string): string {
  return value.startsWith("https://") ? value : `mailto:${value}`;
}

/** The file's text, served at `origin` at `now`. */
export function securityTxt({ contact, origin, now }: { contact: string; origin: string; now: Date }): string {
  const expires = new Date(now.getTime() + SECURITY_TXT_EXPIRES_AFTER_DAYS * 24 * 60 * 60 * 1000);
  expires.setUTCMilliseconds(0);
  return [
    `Contact: ${securityContactUri(contact)}`,
    `Expires: ${expires.toISOString().replace(".000Z", "Z")}`,
    `Canonical: ${origin}${SECURITY_TXT_PATH}`,
    "Preferred-Languages: en, cy",
    "",
  ].join("\n");
}
