import { redirect, unstable_rethrow } from "next/navigation";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { getPageLocale } from "@/lib/i18n/server";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { getCurrentUser } from "@/lib/auth/session";
import { invalidateAfterWrite, type Invalidation } from "@/lib/cache";
import { AppError } from "@/lib/domain/errors";
import { translateFieldErrors, translateFieldMessage, validationMessage } from "@/lib/domain/validation/messages";
import { requirePermission, type Actor, type Permission } from "@/lib/domain/permissions";
import type { ActionResult, FieldErrors } from "@/lib/web/action-result";
import { confirmationText, pathWithConfirmation, type Confirmation } from "@/lib/web/confirmations";
import { submittedValues } from "@/lib/web/form-data";
import { clientAddress } from "@/lib/web/request-context";
import { logger, type Logger } from "@/lib/config/logger";
import { requestLogger } from "@/lib/web/request-log";

/**
 * Where an action goes after success: a path, put in the language of the page the form was posted
 * from, or a path in a language of its own choosing (a language just chosen on /account).
 */
export type RedirectTarget = string | { path: string; locale: Locale };

/** What an operation returns besides its own result: the confirmation to show, if it has one, and what to show once with it (ActionResult). */
export type Confirmed = { confirmation?: Confirmation; revealed?: readonly string[] };

type ActionOptions<S extends z.ZodType, P extends Permission | null, R extends Confirmed> = {
  /** The permission the action needs; null: anyone, signed in or not (signing in and out). */
  permission: P;
  schema: S;
  /** Names of fields that may repeat (checkbox groups). */
  arrayFields?: readonly string[];
  /** What a successful run makes stale (lib/cache/invalidate.ts): read afresh at once. */
  invalidates: readonly Invalidation[];
  /** The domain operation (one transaction); its result names its confirmation. */
  run: (input: z.output<S>, actor: P extends Permission ? Actor : Actor | null, context: { ip: string | null }) => Promise<R>;
  /**
   * Where a success goes next (e.g. the new record's page), with the confirmation's code as
   * ?done= for that page's banner. Without it the form stays and shows the confirmation itself.
   */
  redirectTo?: (result: R, input: z.output<S>) => RedirectTarget | Promise<RedirectTarget>;
};

/**
 * The one way a server action runs: session → policy → validation → operation → typed result
 * (or a redirect that carries the confirmation). It takes FormData (a plain form without
 * JavaScript, or the enhanced form) and never throws to the user: every failure becomes a message
 * on the form.
 */
export function createAction<S extends z.ZodType, P extends Permission | null, R extends Confirmed>(options: ActionOptions<S, P, R>) {
  return async function action(_previous: ActionResult, formData: FormData | Record<string, unknown>): Promise<ActionResult> {
    const values = submittedValues(formData, options.arrayFields);
    let done: { input: z.output<S>; result: R };
    try {
      const actor = await getCurrentUser();
      if (options.permission !== null) requirePermission(actor, options.permission);
      const parsed = options.schema.safeParse(values);
      if (!parsed.success) return inPageLanguage({ status: "error", fieldErrors: zodFieldErrors(parsed.error), values: echo(values) }, await getPageLocale());
      const result = await options.run(parsed.data, actor as Actor, { ip: await clientAddress() });
      done = { input: parsed.data, result };
    } catch (error) {
      unstable_rethrow(error);
      return inPageLanguage({ ...errorResult(error, await requestLogger()), values: echo(values) }, await getPageLocale());
    }
    invalidateAfterWrite(options.invalidates);
    const { confirmation } = done.result;
    if (options.redirectTo) {
      const target = await options.redirectTo(done.result, done.input);
      // In the language of the page the form was posted from (a path already in one stays as it is), or the one the action names.
      const localized = typeof target === "string" ? localizedPath(target, await getPageLocale()) : localizedPath(target.path, target.locale);
      redirect(confirmation ? pathWithConfirmation(localized, confirmation) : localized);
    }
    if (!confirmation) throw new Error("An action that does not redirect must return a confirmation to show.");
    const { revealed } = done.result;
    return { status: "success", confirmation, message: confirmationText(confirmation, await getPageLocale()), ...(revealed && { revealed }) };
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

/**
 * A failure's messages in the language of the page the form was posted from: the schemas and
 * operations word them in English (lib/domain/validation/messages.ts), a Welsh page shows them in Welsh.
 */
function inPageLanguage(result: Extract<ActionResult, { status: "error" }>, locale: Locale): Extract<ActionResult, { status: "error" }> {
  if (locale === "en") return result;
  return { ...result, formError: result.formError === undefined ? undefined : translateFieldMessage(result.formError, locale), fieldErrors: translateFieldErrors(result.fieldErrors, locale) };
}

const ALREADY_EXISTS = validationMessage("server.alreadyExists");
const UNEXPECTED = validationMessage("server.unexpected");

/** Maps any failure to what the form shows. Unknown errors are logged, never shown raw. */
export function errorResult(error: unknown, log: Logger = logger): Extract<ActionResult, { status: "error" }> {
  if (error instanceof AppError) {
    return { status: "error", formError: error.fieldErrors && Object.keys(error.fieldErrors).length ? undefined : error.message, fieldErrors: error.fieldErrors };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return { status: "error", formError: ALREADY_EXISTS, fieldErrors: {} };
  }
  log.error({ err: error }, "Unexpected error in a server action");
  return { status: "error", formError: UNEXPECTED, fieldErrors: {} };
}

/** Echoes submitted text back to a form re-rendered without JavaScript; never a password (any field named so). */
function echo(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !/password/i.test(name)));
}
