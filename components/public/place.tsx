import { countryFlag, countryName } from "@/lib/domain/countries";

/** "🇩🇪 Germany · Saxony": the flag is decoration (screen readers hear the country name once). */
export function Place({ country, region, extra }: { country: string | null; region: string | null; extra?: string }) {
  const flag = countryFlag(country);
  const parts = [country ? countryName(country) : null, region, extra].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <>
      {flag ? (
        <span aria-hidden="true" className="mr-1">
          {flag}
        </span>
      ) : null}
      {parts.join(" · ")}
    </>
  );
}
