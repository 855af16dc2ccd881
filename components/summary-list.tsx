/** GOV.UK summary list: label and value rows. Rows with no value are left out. */
export function SummaryList({ rows }: { rows: { label: string; value: React.ReactNode }[] }) {
  const shown = rows.filter((row) => row.value !== null && row.value !== undefined && row.value !== "");
  return (
    <dl className="grid max-w-3xl grid-cols-1 border-t border-slate-300 sm:grid-cols-[14rem_1fr]">
      {shown.map((row) => (
        <div key={row.label} className="contents">
          <dt className="border-b border-slate-300 py-2 pr-4 font-semibold">{row.label}</dt>
          <dd className="border-b border-slate-300 py-2 whitespace-pre-line">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
