/** One term and its text in a <dl> of details (a decision, a proposal's case); nothing when there is no text. */
export function DetailRow({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd className="whitespace-pre-line">{value}</dd>
    </>
  );
}
