"use client";

import { useFieldContext } from "./action-form";

type BaseProps = { name: string; label: string; hint?: string; className?: string };

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          <span className="sr-only">Error: </span>
          {error}
        </span>
      ) : null}
    </>
  );
}

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
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
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
    </div>
  );
}

export function TextArea({ name, label, hint, rows = 4, className, required }: BaseProps & { rows?: number; required?: boolean }) {
  const { idFor, errorFor, valueFor, register } = useFieldContext();
  const error = errorFor(name);
  const id = idFor(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
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
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField({ name, label, hint, options, placeholder, className }: BaseProps & { options: readonly Option[]; placeholder?: string }) {
  const { idFor, errorFor, valueFor, register } = useFieldContext();
  const error = errorFor(name);
  const id = idFor(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        className="input"
        defaultValue={text(valueFor(name))}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...register(name)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
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
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function RadioGroup({ name, label, hint, options, className }: BaseProps & { options: readonly Option[] }) {
  const { idFor, errorFor, valueFor, register } = useFieldContext();
  const error = errorFor(name);
  const id = idFor(name);
  const current = text(valueFor(name));
  return (
    <fieldset className={className} aria-describedby={describedBy(id, hint, error)}>
      <legend className="label">{label}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="mt-1 flex flex-wrap gap-4">
        {options.map((option, index) => (
          <label key={option.value} className="flex items-center gap-2">
            <input id={index === 0 ? id : `${id}-${option.value}`} type="radio" value={option.value} defaultChecked={current === option.value} className="h-5 w-5" {...register(name)} />
            {option.label}
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
