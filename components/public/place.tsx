import { countryFlag } from "@/lib/domain/countries";
import { countryNameIn } from "@/lib/domain/public-format";
import { usePageLocale } from "@/lib/i18n/navigation";

/** "🇩🇪 Germany · Saxony": the flag is decoration (screen readers hear the country name once), the country named in the page's language. */
export function Place({ country, region, extra }: { country: string | null; region: string | null; extra?: string }) {
  const locale = usePageLocale();
  const flag = countryFlag(country);
  const parts = [country ? countryNameIn(country, locale) : null, region, extra].filter(Boolean);
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
