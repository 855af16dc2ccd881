import { z } from "zod";
import { requiredText } from "./fields";

export const signInSchema = z.object({
  email: requiredText("Email", 320, "Enter your email address"),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1000, "Password must be 1000 characters or fewer"),
  callbackUrl: z.string().optional(),
});

/** Only a path on this site: never an absolute or protocol-relative URL (open redirect). */
export function safeReturnPath(value: string | undefined | null, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
