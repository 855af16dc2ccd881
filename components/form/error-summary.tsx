"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

export type SummaryError = { field: string; message: string };

/** GOV.UK error summary: announced, focused, and linking to each field. */
export function ErrorSummary({ errors, formError }: { errors: SummaryError[]; formError?: string }) {
  const t = useTranslations("forms");
  const ref = useRef<HTMLDivElement>(null);
  const signature = `${formError ?? ""}|${errors.map((error) => `${error.field}:${error.message}`).join("|")}`;
  useEffect(() => {
    if (signature !== "|") ref.current?.focus();
  }, [signature]);
  if (errors.length === 0 && !formError) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      // Rendered as the autofocus attribute: focused on a page the server answered without JavaScript too.
      autoFocus
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
      className="mb-6 max-w-2xl border-4 border-error p-4 focus:outline-[3px] focus:outline-focus"
      // Announced when it appears (it also takes focus).
      role="alert"
    >
      <h2 id="error-summary-title" className="mt-0 text-xl">
        {t("errorSummary.title")}
      </h2>
      <ul className="list-none space-y-1 p-0">
        {formError ? <li className="font-semibold text-error">{formError}</li> : null}
        {errors.map((error) => (
          <li key={`${error.field}-${error.message}`}>
            <a href={`#${error.field}`} className="font-semibold text-error">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
