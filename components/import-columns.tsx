import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { LOCALITY_KIND_LABELS, RELATIONSHIP_TYPE_LABELS, THEME_LABELS } from "@/lib/domain/labels";
import { IMPORT_COLUMNS } from "@/lib/import/columns";
import { usePageLocale } from "@/lib/i18n/navigation";

/**
 * The documented column layout of the import, from the same table the importer reads headers
 * with. The headers, the words a column takes and the examples are the file's own, in English on
 * every page (marked lang="en"); what to enter is said in the page's language.
 */
export function ImportColumns() {
  const t = useTranslations("importPage.columns");
  const english = usePageLocale() === "en" ? undefined : "en";
  const en = (chunks: React.ReactNode) => <span lang={english}>{chunks}</span>;
  // The words the importer reads, as the template and the file write them.
  const values = {
    localityKind: Object.values(LOCALITY_KIND_LABELS).join(", "),
    relationshipType: Object.values(RELATIONSHIP_TYPE_LABELS).join(", "),
    themes: Object.values(THEME_LABELS).join(", "),
  };
  return (
    <DataTable caption={t("caption")} columns={[t("header"), t("required"), t("what"), t("example")]}>
      {IMPORT_COLUMNS.map((column) => (
        <tr key={column.field}>
          <th scope="row" className="border-b border-slate-300 align-top font-semibold" lang={english}>
            {column.header}
          </th>
          <td>{column.required ? t("yes") : t("no")}</td>
          <td>
            {t.rich(`descriptions.${column.field}`, { values: column.field in values ? values[column.field as keyof typeof values] : "", en })}
            {column.aliases?.length ? <span className="hint">{t.rich("alsoReadFrom", { aliases: column.aliases.map((alias) => `“${alias}”`).join(", "), en })}</span> : null}
          </td>
          <td>{column.example ? <code lang={english}>{column.example}</code> : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}
