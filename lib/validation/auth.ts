import { z } from "zod";
import { FORBIDDEN_CHARACTERS, requiredText } from "./fields";

export const signInSchema = z.object({
  email: requiredText("Email", 320, "Enter your email address"),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1000, "Password must be 1000 characters or fewer"),
  callbackUrl: z.string().optional(),
});

/** The longest return address followed after signing in (a real one is a path and a short query). */
const MAX_RETURN_PATH = 2000;

/**
 * Only a path on this site: never an absolute or protocol-relative URL (open redirect), nor a
 * path with control characters (they cannot go in a Location header) or of any length.
 */
export function safeReturnPath(value: string | undefined | null, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.length > MAX_RETURN_PATH || FORBIDDEN_CHARACTERS.test(value) || /[\t\n\r]/.test(value)) return fallback;
  return value;
}
