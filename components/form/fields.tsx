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
