import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor, type Permission } from "@/lib/permissions";
import type { ActionResult, FieldErrors } from "@/lib/action-result";
import { submittedValues } from "@/lib/form-data";
import { clientAddress } from "@/lib/request-context";

type ActionOptions<S extends z.ZodType> = {
  permission: Permission;
  schema: S;
  /** Names of fields that may repeat (checkbox groups). */
  arrayFields?: readonly string[];
  /** The domain operation (one transaction), then revalidation; returns the confirmation to show. */
  run: (input: z.output<S>, actor: Actor, context: { ip: string | null }) => Promise<string>;
};

/**
 * The one way a server action runs: session → policy → validation → operation → typed result.
 * It takes FormData (a plain form without JavaScript, or the enhanced form) and never throws
 * to the user: every failure becomes a message on the form.
 */
export function createAction<S extends z.ZodType>(options: ActionOptions<S>) {
  return async function action(_previous: ActionResult, formData: FormData | Record<string, unknown>): Promise<ActionResult> {
    const values = submittedValues(formData, options.arrayFields);
    try {
      const actor = await getCurrentUser();
      requirePermission(actor, options.permission);
      const parsed = options.schema.safeParse(values);
      if (!parsed.success) return { status: "error", fieldErrors: zodFieldErrors(parsed.error), values: echo(values) };
      const message = await options.run(parsed.data, actor, { ip: await clientAddress() });
      return { status: "success", message };
    } catch (error) {
      unstable_rethrow(error);
      return { ...errorResult(error), values: echo(values) };
    }
  };
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** Maps any failure to what the form shows. Unknown errors are logged, never shown raw. */
export function errorResult(error: unknown): Extract<ActionResult, { status: "error" }> {
  if (error instanceof AppError) {
    return { status: "error", formError: error.fieldErrors && Object.keys(error.fieldErrors).length ? undefined : error.message, fieldErrors: error.fieldErrors };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return { status: "error", formError: "That already exists: a record with the same name or key is already saved.", fieldErrors: {} };
  }
  console.error("Unexpected error in a server action", error);
  return { status: "error", formError: "Something went wrong on our side and nothing was saved. Please try again.", fieldErrors: {} };
}

/** Echoes submitted text back to a form re-rendered without JavaScript; never a password. */
function echo(values: Record<string, unknown>): Record<string, unknown> {
  const { password: _password, newPassword: _newPassword, ...rest } = values;
  return rest;
}
