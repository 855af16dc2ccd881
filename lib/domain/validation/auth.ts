import { z } from "zod";
import { FORBIDDEN_CHARACTERS, requiredText } from "./fields";
import { validationMessage } from "./messages";

const ENTER_PASSWORD = validationMessage("enter.yourPassword");

export const signInSchema = z.object({
  email: requiredText("email", 320, "enter.yourEmail"),
  password: z.string({ error: ENTER_PASSWORD }).min(1, ENTER_PASSWORD).max(1000, validationMessage("check.passwordTooLong", { max: "1000" })),
  callbackUrl: z.string().optional(),
});

/** "Sign in with your council account": only where to return afterwards. */
export const ssoSignInSchema = z.object({ callbackUrl: z.string().optional() });

/** The longest return address followed after signing in (a real one is a path and a short query). */
const MAX_RETURN_PATH = 2000;

/**
 * What a return path is resolved against when the caller does not give the site's origin. Only
 * the path of the result is kept, so any origin of our own would do; this one is reserved
 * (RFC 6761) and can be no one's site.
 */
const PLACEHOLDER_ORIGIN = "https://return-path.invalid";

/** A path a browser or the client router would read as another host: `//host` or `/\host`. */
function leavesTheSite(path: string): boolean {
  return path.startsWith("//") || path.startsWith("/\\");
}

/**
 * Where to go after signing in: a path on this site, or `fallback`. The value is resolved
 * against the site's `origin` the way a browser would (dot segments, `%2e`, backslashes, tabs
 * and newlines included) and followed only when it stays on that origin; what is returned is the
 * resolved path, query and fragment, normalised (Unicode percent-encoded, no dot segments), so
 * no later resolution — the browser's, or the client router's — can read it as another host
 * (open redirect, ASVS 5.1.5). Control characters (they cannot go in a Location header), a value
 * of any length, or anything but a string (`?callbackUrl=a&callbackUrl=b`) give the fallback.
 */
export function safeReturnPath(value: unknown, origin: string = PLACEHOLDER_ORIGIN, fallback = "/dashboard"): string {
  if (typeof value !== "string" || value.length > MAX_RETURN_PATH) return fallback;
  if (FORBIDDEN_CHARACTERS.test(value) || /[\t\n\r]/.test(value)) return fallback;
  // A path, or an absolute address on this site; never a relative one (resolved against /login).
  if (!value.startsWith("/") && !/^https?:\/\//i.test(value)) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base.origin);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || leavesTheSite(path) || path.length > MAX_RETURN_PATH) return fallback;
  // An encoded slash, backslash or control character (/%2F/host, /%09/host) is a path here, but
  // never a page of ours: refused rather than trusting every later reader not to decode it.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (FORBIDDEN_CHARACTERS.test(decoded) || /[\t\n\r]/.test(decoded) || leavesTheSite(decoded)) return fallback;
  return path;
}
