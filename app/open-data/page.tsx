import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { connection } from "next/server";
import { Link } from "@/components/link";
import { getSettings } from "@/lib/data/settings";
import { TWINNING_LINKS_PATHS, TWINNING_LINKS_VERSION } from "@/lib/open-data/twinning-links";
import { licenceOf } from "@/lib/open-data/licence";
import { OPEN_GRAPH_LOCALES } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { getPageLocale, languageAlternates } from "@/lib/i18n/server";
import { siteOriginFrom } from "@/lib/web/request-context";
import { PARTNER_FIELDS } from "@/lib/open-data/partners";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [{ councilName }, requestHeaders, locale, t, languages] = await Promise.all([getSettings(), headers(), getPageLocale(), getTranslations("public"), languageAlternates()]);
  const origin = siteOriginFrom(requestHeaders);
  const description = t("openData.description", { council: councilName });
  return {
    title: t("openData.title"),
    description,
    openGraph: { title: t("openData.ogTitle", { council: councilName }), description, type: "website", siteName: councilName, locale: OPEN_GRAPH_LOCALES[locale] },
    alternates: { ...languages, types: { "application/atom+xml": [{ url: `${origin}/open-data/decisions.atom`, title: t("feedTitle", { council: councilName }) }] } },
  };
}

type DatasetKey = "partnersJson" | "partnersCsv" | "partnerTranslationsCsv" | "partnersGeojson" | "decisionsAtom" | "eventsIcs" | "twinningCostsCsv";
type Dataset = { id: string; key: DatasetKey; path: string };

/** The files, one per site (not per language): each carries every translation in its own shape. */
const DATASETS: Dataset[] = [
  { id: "partners-json", key: "partnersJson", path: "/open-data/partners.json" },
  { id: "partners-csv", key: "partnersCsv", path: "/open-data/partners.csv" },
  { id: "partner-translations-csv", key: "partnerTranslationsCsv", path: "/open-data/partner-translations.csv" },
  { id: "partners-geojson", key: "partnersGeojson", path: "/open-data/partners.geojson" },
  { id: "decisions-atom", key: "decisionsAtom", path: "/open-data/decisions.atom" },
  { id: "events-ics", key: "eventsIcs", path: "/open-data/events.ics" },
  { id: "twinning-costs-csv", key: "twinningCostsCsv", path: "/open-data/twinning-costs.csv" },
];

/** A field's description in messages; PARTNER_FIELDS may name one not (yet) translated, which t.has finds. */
type FieldKey = `fields.${keyof Messages["public"]["openData"]["fields"]}`;

type FieldType = "array" | "date" | "dateTime" | "string" | "number" | "integer" | "boolean";

function fieldTypeOf(field: (typeof PARTNER_FIELDS)[number]): FieldType {
  if (field.type === "array") return "array";
  if ("format" in field && field.format === "date") return "date";
  if ("format" in field && field.format === "date-time") return "dateTime";
  return field.type as FieldType;
}

export default async function OpenDataPage() {
  await connection();
  const [settings, requestHeaders, t] = await Promise.all([getSettings(), headers(), getTranslations("public.openData")]);
  const origin = siteOriginFrom(requestHeaders);
  const licence = licenceOf(settings.openDataLicence);
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;

  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="max-w-3xl text-lg">{t("intro", { council: settings.councilName })}</p>

      <h2>{t("licenceHeading")}</h2>
      <p className="max-w-3xl">
        {t.rich("licence", {
          council: settings.councilName,
          licence: licence.name,
          // The licence's name, linked to its text when it has one.
          link: (chunks) =>
            licence.url ? (
              <a href={licence.url} rel="license noopener noreferrer">
                {chunks}
              </a>
            ) : (
              <strong>{chunks}</strong>
            ),
        })}
      </p>

      <h2>{t("filesHeading")}</h2>
      {DATASETS.map((dataset) => (
        <section key={dataset.id} aria-labelledby={dataset.id} className="mb-6 max-w-3xl border-l-4 border-brand pl-4">
          <h3 id={dataset.id}>{t(`datasets.${dataset.key}.heading`)}</h3>
          <p className="my-1">{t.rich(`datasets.${dataset.key}.description`, { code, schema: (chunks) => <Link href="/open-data/partners.schema.json">{chunks}</Link> })}</p>
          <dl className="my-2 grid grid-cols-1 gap-x-4 sm:grid-cols-[7rem_1fr]">
            <dt className="font-semibold">{t("address")}</dt>
            <dd className="m-0 break-all">
              <a href={dataset.path}>{`${origin}${dataset.path}`}</a>
            </dd>
            <dt className="font-semibold">{t("format")}</dt>
            <dd className="m-0">{t(`datasets.${dataset.key}.format`)}</dd>
          </dl>
        </section>
      ))}

      <TwinningLinksSection origin={origin} />

      <AnnualReportsSection />

      <h2 id="fields">{t("fieldsHeading")}</h2>
      <p className="max-w-3xl">{t.rich("fieldsIntro", { code })}</p>
      <div className="overflow-x-auto" tabIndex={0}>
        <table className="table max-w-5xl">
          <caption className="sr-only">{t("fieldsHeading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("field")}</th>
              <th scope="col">{t("type")}</th>
              <th scope="col">{t("meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {PARTNER_FIELDS.map((field) => {
              const type = t(`types.${fieldTypeOf(field)}`);
              const key = `fields.${field.name}` as FieldKey;
              return (
                <tr key={field.name}>
                  <td>
                    <code className="text-sm">{field.name}</code>
                  </td>
                  <td>{field.nullable ? t("types.orEmpty", { type }) : type}</td>
                  {/* A field added to the files before its translation is described in English. */}
                  <td>{t.has(key) ? t(key) : field.description}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

const TWINNING_FILES = [
  { key: "discovery", path: TWINNING_LINKS_PATHS.wellKnown },
  { key: "json", path: TWINNING_LINKS_PATHS.json },
  { key: "csv", path: TWINNING_LINKS_PATHS.csv },
  { key: "schema", path: TWINNING_LINKS_PATHS.schema },
] as const;

/** The annual reports the council has published (/annual-report): the office's yearly account beside its data. */
async function AnnualReportsSection() {
  const t = await getTranslations("annualReport.published");
  return (
    <section aria-labelledby="annual-reports" className="mb-6 max-w-3xl">
      <h2 id="annual-reports">{t("listTitle")}</h2>
      <p>{t("listIntro")}</p>
      <p>
        <Link href="/annual-report">{t("openDataLink")}</Link>
      </p>
    </section>
  );
}

/** The twinning-link standard (docs/open-data.md): its four files, for other councils and registers. */
async function TwinningLinksSection({ origin }: { origin: string }) {
  const t = await getTranslations("twinningLinks");
  return (
    <section aria-labelledby="twinning-links" className="mb-6 max-w-3xl">
      <h2 id="twinning-links">{t("heading")}</h2>
      <p>{t("intro", { version: TWINNING_LINKS_VERSION })}</p>
      <ul>
        {TWINNING_FILES.map((file) => (
          <li key={file.key}>
            {t(file.key)}: <a href={file.path} className="break-all">{`${origin}${file.path}`}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
