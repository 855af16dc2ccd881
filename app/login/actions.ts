"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/sign-in";
import { startSession } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { submittedValues } from "@/lib/form-data";
import { clientAddress, siteOrigin } from "@/lib/request-context";
import { zodFieldErrors } from "@/lib/safe-action";
import { safeReturnPath, signInSchema } from "@/lib/validation/auth";

export async function signInAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = submittedValues(formData);
  const parsed = signInSchema.safeParse(values);
  const echo = { email: values.email, callbackUrl: values.callbackUrl };
  if (!parsed.success) return { status: "error", fieldErrors: zodFieldErrors(parsed.error), values: echo };
  const result = await signIn(parsed.data.email, parsed.data.password, await clientAddress());
  if (!result.ok) return { status: "error", formError: result.message, fieldErrors: {}, values: echo };
  await startSession(result.user);
  redirect(safeReturnPath(parsed.data.callbackUrl, await siteOrigin()));
}
