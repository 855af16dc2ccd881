"use client";

import { useFieldContext } from "./action-form";
import { describedBy, FieldMessages, LabelledControl, SelectOptions, type Option } from "./labelled";

export type { Option };

type BaseProps = { name: string; label: string; hint?: string; className?: string };

function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export function TextField({ name, label, hint, type = "text", autoComplete, inputMode, className }: BaseProps & { type?: "text" | "email" | "password" | "date" | "number" | "url" | "search" | "datetime-local"; autoComplete?: string; inputMode?: "decimal" | "numeric" | "text" }) {
  const { idFor, errorFor, valueFor, register } = useFieldContext();
  const error = errorFor(name);
  const id = idFor(name);
  return (
    <LabelledControl id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        type={type}
        className="input"
        defaultValue={type === "password" ? undefined : text(valueFor(name))}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...register(name)}
      />
    </LabelledControl>
  );
}

export function TextArea({ name, label, hint, rows = 4, className, required }: BaseProps & { rows?: number; required?: boolean }) {
  const { idFor, errorFor, valueFor, register } = useFieldContext();
  const error = errorFor(name);
  const id = idFor(name);
  return (
    <LabelledControl id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        rows={rows}
        className="input"
        required={required}
        defaultValue={text(valueFor(name))}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...register(name)}
      />
    </LabelledControl>
  );
}

export function SelectField({ name, label, hint, options, placeholder, className }: BaseProps & { options: readonly Option[]; placeholder?: string }) {
  const { idFor, errorFor, valueFor, register } = useFieldContext();
  const error = errorFor(name);
  const id = idFor(name);
  return (
    <LabelledControl id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        className="input"
        defaultValue={text(valueFor(name))}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...register(name)}
      >
        <SelectOptions options={options} placeholder={placeholder} />
      </select>
    </LabelledControl>
  );
}

export function CheckboxGroup({ name, label, hint, options, className }: BaseProps & { options: readonly Option[] }) {
  const { idFor, errorFor, valueFor, register } = useFieldContext();
  const error = errorFor(name);
  const id = idFor(name);
  const raw = valueFor(name);
  const checked = new Set(Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : []);
  return (
    <fieldset className={className} aria-describedby={describedBy(id, hint, error)}>
      <legend className="label">{label}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="mt-1 grid max-w-2xl grid-cols-1 gap-1 sm:grid-cols-2">
        {options.map((option, index) => (
          <label key={option.value} className="flex items-center gap-2">
            <input
              id={index === 0 ? id : `${id}-${option.value}`}
              type="checkbox"
              value={option.value}
              defaultChecked={checked.has(option.value)}
              className="h-5 w-5"
              {...register(name)}
            />
            {option.lang ? <span lang={option.lang}>{option.label}</span> : option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The radios' ref for react-hook-form. It reads a group's value from the radios registered so far,
 * in document order: a choice made on the page as the server sent it, before the scripts ran, was
 * read as no choice by the first radio and then cleared from all of them. The checked radio
 * registers first, so the group's value is the one on the page (with no default given to
 * react-hook-form: ActionForm's initialText).
 */
function radioGroupRef(name: string, registerRef: (element: HTMLInputElement | null) => void) {
  return (element: HTMLInputElement | null) => {
    if (!element?.form) return registerRef(element);
    const group = [...element.form.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(name)}"]`)];
    for (const radio of [...group.filter((radio) => radio.checked), ...group.filter((radio) => !radio.checked)]) registerRef(radio);
  };
}

export function RadioGroup({ name, label, hint, options, className }: BaseProps & { options: readonly Option[] }) {
  const { idFor, errorFor, valueFor, register } = useFieldContext();
  const error = errorFor(name);
  const id = idFor(name);
  const current = text(valueFor(name));
  const { ref: registerRef, ...registration } = register(name);
  const ref = radioGroupRef(name, registerRef);
  return (
    <fieldset className={className} aria-describedby={describedBy(id, hint, error)}>
      <legend className="label">{label}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="mt-1 flex flex-wrap gap-4">
        {options.map((option, index) => (
          <label key={option.value} className="flex items-center gap-2">
            <input id={index === 0 ? id : `${id}-${option.value}`} type="radio" value={option.value} defaultChecked={current === option.value} className="h-5 w-5" {...registration} ref={ref} />
            {option.lang ? <span lang={option.lang}>{option.label}</span> : option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function HiddenField({ name, value }: { name: string; value: string | number }) {
  const { register } = useFieldContext();
  return <input type="hidden" value={value} {...register(name)} />;
}
