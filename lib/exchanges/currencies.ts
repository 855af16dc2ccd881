/** ISO 4217 currencies for the exchange form, "GBP — Pound sterling", by code. */
export function currencyOptions(): { value: string; label: string }[] {
  const codes = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : ["EUR", "GBP", "USD"];
  const names = new Intl.DisplayNames(["en-GB"], { type: "currency" });
  return codes.map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
}
