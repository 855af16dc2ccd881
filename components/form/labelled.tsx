// The markup every labelled field shares (the action forms' fields, the filter forms' and the
// partners search): label, hint, error, then the control. No client-only code, so server pages use it too.
import { useTranslations } from "next-intl";

/** `lang`: the label's language when it is not the page's (a language named in itself, "Cymraeg"). */
export type Option = { value: string; label: string; lang?: string };

/** The ids a control's aria-describedby names: its hint and its error, when shown. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const t = useTranslations("forms");
  return (
    <>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          <span className="sr-only">{t("error")} </span>
          {error}
        </span>
      ) : null}
    </>
  );
}

/** A control (`children`, whose id is `id`) under its label, hint and error. */
export function LabelledControl({ id, label, hint, error, className, children }: { id: string; label: string; hint?: string; error?: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** A select's options, after an empty first one when `placeholder` is given ("Any country", "Choose…"). */
export function SelectOptions({ options, placeholder }: { options: readonly Option[]; placeholder?: string }) {
  return (
    <>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

/** A group of a form's fields under its heading (a legend), with the rule down its side. */
export function FieldGroup({ legend, children }: { legend: React.ReactNode; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-5 border-l-4 border-slate-300 pl-4">
      <legend className="text-xl font-bold">{legend}</legend>
      {children}
    </fieldset>
  );
}
