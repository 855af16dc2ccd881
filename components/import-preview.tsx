import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { SummaryList } from "@/components/summary-list";
import { formatNumber } from "@/lib/domain/format";
import { labelsIn } from "@/lib/domain/labels";
import { countryNameIn } from "@/lib/domain/public-format";
import { wordImportMessage, wordRowProblem } from "@/lib/import/import-messages";
import type { ImportCheck, PreviewRow } from "@/lib/import/import-state";
import { formatBytes } from "@/lib/import/limits";
import { usePageLocale } from "@/lib/i18n/navigation";

function year(date: string | null): string {
  return date ? date.slice(0, 4) : "";
}

function RowsTable({ caption, rows, total, present }: { caption: string; rows: PreviewRow[]; total: number; present?: boolean }) {
  const t = useTranslations("importPage.preview");
  const locale = usePageLocale();
  const labels = labelsIn(locale);
  return (
    <>
      <DataTable
        caption={caption}
        columns={[t("columns.row"), t("columns.partner"), t("columns.country"), t("columns.relationshipType"), t("columns.since"), present ? t("columns.inRegister") : t("columns.partnerRecord")]}
      >
        {rows.map((row) => (
          <tr key={row.rowNumber}>
            <td>{row.rowNumber}</td>
            <td>{row.partnerName}</td>
            <td>{row.country ? countryNameIn(row.country, locale) : t("noCountry")}</td>
            <td>{labels.relationshipType[row.relationshipType]}</td>
            <td>{year(row.linkBegan) || year(row.formalisedOn)}</td>
            <td>{present ? (row.existingStatus ? labels.status[row.existingStatus] : "") : row.newPartner ? t("newPartner") : t("existingPartner")}</td>
          </tr>
        ))}
      </DataTable>
      {total > rows.length ? <p className="hint mt-2">{t("firstShown", { shown: formatNumber(rows.length, locale), total: formatNumber(total, locale) })}</p> : null}
    </>
  );
}

/**
 * What a checked file would do, row by row: the problems first, then what would be imported and
 * skipped. Rendered on the server in the page's language, the importer's problems and notes too
 * (what the user typed is quoted in them as it is).
 */
export function ImportPreview({ check }: { check: ImportCheck }) {
  const t = useTranslations("importPage.preview");
  const locale = usePageLocale();
  const number = (value: number) => formatNumber(value, locale);
  return (
    <>
      <SummaryList
        rows={[
          { label: t("file"), value: `${check.fileName} (${formatBytes(check.fileSize)})` },
          { label: t("rowsChecked"), value: number(check.rowCount) },
          { label: t("readyToImport"), value: number(check.readyCount) },
          { label: t("alreadyPresent"), value: check.presentCount ? t("presentValue", { count: number(check.presentCount) }) : "0" },
          { label: t("rowsWithProblems"), value: number(check.problemRowCount) },
        ]}
      />
      {check.notes.map((note, index) => (
        <p key={index} className="mt-4 max-w-3xl">
          {wordImportMessage(note, locale)}
        </p>
      ))}

      {check.problemCount > 0 ? (
        <section aria-labelledby="import-problems" className="mt-6">
          <h3 id="import-problems" tabIndex={-1}>
            {t("problemsHeading", { count: check.problemCount })}
          </h3>
          <p className="max-w-3xl">{t("problemsIntro")}</p>
          <ul className="max-w-3xl list-disc space-y-1 pl-6 text-error" data-testid="import-problems">
            {check.problems.map((problem, index) => (
              <li key={index}>{wordRowProblem(problem, locale)}</li>
            ))}
          </ul>
          {check.problemCount > check.problems.length ? <p>{t("more", { count: check.problemCount - check.problems.length })}</p> : null}
        </section>
      ) : null}

      {check.readyCount > 0 ? (
        <section aria-labelledby="import-ready" className="mt-6">
          <h3 id="import-ready">{check.problemCount > 0 ? t("rowsWithoutProblems") : t("readyToImport")}</h3>
          <p className="max-w-3xl">{check.problemCount > 0 ? t("fine") : t("willBeAdded", { count: check.readyCount })}</p>
          <RowsTable caption={t("readyCaption")} rows={check.ready} total={check.readyCount} />
        </section>
      ) : null}

      {check.presentCount > 0 ? (
        <section aria-labelledby="import-present" className="mt-6">
          <h3 id="import-present">{t("alreadyPresent")}</h3>
          <p className="max-w-3xl">{t("presentNote")}</p>
          <RowsTable caption={t("presentCaption")} rows={check.present} total={check.presentCount} present />
        </section>
      ) : null}
    </>
  );
}
