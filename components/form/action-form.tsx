"use client";

import { createContext, startTransition, useActionState, useContext, useRef, useState } from "react";
import { useForm, type FieldValues, type UseFormRegister } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { IDLE, type ActionResult, type FormAction } from "@/lib/web/action-result";
import { translateFieldMessage } from "@/lib/domain/validation/messages";
import { usePageLocale } from "@/lib/i18n/navigation";
import { SuccessBanner } from "@/components/success-banner";
import { ErrorSummary, type SummaryError } from "./error-summary";

type FormContextValue = {
  /** The element id of a field (unique when several forms share a page). */
  idFor(name: string): string;
  errorFor(name: string): string | undefined;
  valueFor(name: string): unknown;
  register: UseFormRegister<FieldValues>;
};

const FormContext = createContext<FormContextValue | null>(null);

export function useFieldContext(): FormContextValue {
  const context = useContext(FormContext);
  if (!context) throw new Error("Form fields must be inside <ActionForm>");
  return context;
}

type ActionFormProps = {
  action: FormAction;
  /** The same zod schema the server action parses with. */
  schema: z.ZodType<FieldValues, FieldValues>;
  defaultValues?: Record<string, unknown>;
  /**
   * What the page starts text fields (TextField, TextArea) and radio groups with: rendered into the
   * page, but not given to react-hook-form, which then reads each field from the page as it
   * hydrates. So what someone typed or chose before the scripts ran is kept (a default given to
   * react-hook-form overwrites it).
   */
  initialText?: Record<string, string>;
  /** Order of fields in the error summary. */
  fieldOrder?: readonly string[];
  submitLabel?: string;
  submitClassName?: string;
  /** Several submit buttons that send a value (e.g. Approve / Reject), instead of one. */
  submitButtons?: { name: string; value: string; label: string; className?: string }[];
  /** Prefix for element ids, when several forms share a page. */
  idPrefix?: string;
  children: React.ReactNode;
  /** Extra buttons beside the submit button. */
  secondary?: React.ReactNode;
  "aria-label"?: string;
  /** Shown with the success message (e.g. a link to what was made). */
  onSuccessHint?: React.ReactNode;
  /**
   * The action's state held by a parent (its useActionState of `action`), for a result that must
   * outlive this form: the parent shows it once the page no longer renders the form.
   */
  actionState?: readonly [ActionResult, (payload: FormData) => void, boolean];
};

/**
 * A form whose server action also works without JavaScript. With JavaScript, react-hook-form
 * checks the shared schema first and shows every error at once; the server checks again and
 * its errors are shown the same way.
 */
export function ActionForm({ action, schema, defaultValues = {}, initialText = {}, fieldOrder = [], submitLabel, submitClassName = "button", submitButtons, idPrefix = "", children, secondary, actionState, ...rest }: ActionFormProps) {
  const own = useActionState(action, IDLE);
  const [state, formAction, pending] = actionState ?? own;
  const formRef = useRef<HTMLFormElement>(null);
  const [showServer, setShowServer] = useState(true);
  const methods = useForm<FieldValues>({ resolver: zodResolver(schema), defaultValues, mode: "onSubmit", shouldFocusError: false });
  const clientErrors = methods.formState.errors;
  const serverErrors = state.status === "error" && showServer ? state.fieldErrors : {};
  const echoed = state.status === "error" ? (state.values ?? {}) : {};
  const locale = usePageLocale();

  // The schema words its messages in English: shown in the page's language (the server's already are).
  const errorFor = (name: string): string | undefined => {
    const client = clientErrors[name]?.message;
    const message = typeof client === "string" ? client : serverErrors[name]?.[0];
    return message === undefined ? undefined : translateFieldMessage(message, locale);
  };
  const names = new Set<string>([...fieldOrder, ...Object.keys(serverErrors), ...Object.keys(clientErrors)]);
  const summary: SummaryError[] = [...names].flatMap((name) => {
    const message = errorFor(name);
    return message ? [{ field: `${idPrefix}${name}`, message }] : [];
  });

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = formRef.current;
    if (!form) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void methods.handleSubmit(
      () => {
        setShowServer(true);
        startTransition(() => formAction(new FormData(form, submitter)));
      },
      () => setShowServer(false),
    )(event);
  };

  return (
    <FormContext.Provider value={{ idFor: (name) => `${idPrefix}${name}`, errorFor, valueFor: (name) => (name in echoed ? echoed[name] : name in defaultValues ? defaultValues[name] : initialText[name]), register: methods.register }}>
      {state.status === "success" ? (
        <SuccessBanner testId="form-success">{state.message}</SuccessBanner>
      ) : null}
      <ErrorSummary errors={summary} formError={state.status === "error" && showServer ? state.formError : undefined} />
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-5" aria-label={rest["aria-label"]}>
        {children}
        <div className="flex flex-wrap gap-3">
          {submitButtons ? (
            submitButtons.map((button) => (
              <button key={button.value} type="submit" name={button.name} value={button.value} className={button.className ?? "button"} disabled={pending}>
                {button.label}
              </button>
            ))
          ) : (
            <button type="submit" className={submitClassName} disabled={pending}>
              {submitLabel}
            </button>
          )}
          {secondary}
        </div>
      </form>
    </FormContext.Provider>
  );
}
