import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { LabelledControl, SelectOptions, type Option } from "@/components/form/labelled";

/** A GET filter form: works without JavaScript and keeps its values in the address, so a view can be shared. */
export function FilterForm({ label, clearHref, children, className = "sm:grid-cols-3 lg:grid-cols-6" }: { label: string; clearHref: string; children: React.ReactNode; className?: string }) {
  const t = useTranslations("forms.filters");
  return (
    <form method="get" role="search" aria-label={label} className={`mb-6 grid grid-cols-1 gap-4 rounded bg-slate-50 p-4 ${className}`}>
      {children}
      <div className="col-span-full flex items-end gap-3">
        <button type="submit" className="button">
          {t("apply")}
        </button>
        <Link href={clearHref}>{t("clear")}</Link>
      </div>
    </form>
  );
}

export function FilterSelect({ name, label, value, options, anyLabel, className }: { name: string; label: string; value: string | undefined; options: readonly Option[]; anyLabel?: string; className?: string }) {
  return (
    <LabelledControl id={name} label={label} className={className}>
      <select id={name} name={name} defaultValue={value ?? ""} className="input">
        <SelectOptions options={options} placeholder={anyLabel} />
      </select>
    </LabelledControl>
  );
}

export function FilterInput({ name, label, value, type = "search", className }: { name: string; label: string; value: string | undefined; type?: "search" | "date" | "text"; className?: string }) {
  return (
    <LabelledControl id={name} label={label} className={className}>
      <input id={name} name={name} type={type} defaultValue={value} className="input" />
    </LabelledControl>
  );
}
