import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { connection } from "next/server";
import { getSettings } from "@/lib/data/settings";
import { licenceOf } from "@/lib/open-data/licence";
import { siteOriginFrom } from "@/lib/web/request-context";
import { PARTNER_FIELDS } from "@/lib/open-data/partners";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [{ councilName }, requestHeaders] = await Promise.all([getSettings(), headers()]);
  const origin = siteOriginFrom(requestHeaders);
  const description = `The partner towns and cities of ${councilName} and its decisions about them, as open data: JSON, CSV, GeoJSON, Atom and iCalendar.`;
  return {
    title: "Open data",
    description,
    openGraph: { title: `Open data · ${councilName}`, description, type: "website", siteName: councilName, locale: "en_GB" },
    alternates: { types: { "application/atom+xml": [{ url: `${origin}/open-data/decisions.atom`, title: `Partnership decisions of ${councilName}` }] } },
  };
}

type Dataset = { id: string; heading: string; path: string; format: string; description: React.ReactNode };

const DATASETS: Dataset[] = [
  {
    id: "partners-json",
    heading: "Current partners (JSON)",
    path: "/open-data/partners.json",
    format: "JSON (application/json), UTF-8",
    description: (
      <>
        One record per current partner, with the fields below, under <code>partners</code>; beside them, who published the file, its licence and when it was made. The
        file is described by a <Link href="/open-data/partners.schema.json">JSON Schema</Link>.
      </>
    ),
  },
  {
    id: "partners-csv",
    heading: "Current partners (CSV)",
    path: "/open-data/partners.csv",
    format: "CSV (text/csv) following RFC 4180, UTF-8, with a header row",
    description: (
      <>
        The same fields as the JSON file, one row per current partner; themes are separated by semicolons. So that no spreadsheet runs a cell as a formula, text that
        begins with <code>=</code>, <code>+</code>, <code>-</code>, <code>@</code>, a tab or a carriage return starts with an apostrophe (<code>&apos;</code>).
      </>
    ),
  },
  {
    id: "partners-geojson",
    heading: "Current partners on a map (GeoJSON)",
    path: "/open-data/partners.geojson",
    format: "GeoJSON (application/geo+json) following RFC 7946",
    description: <>A FeatureCollection with a point for each current partner whose location is known, as [longitude, latitude] in WGS 84, and the same fields as properties.</>,
  },
  {
    id: "decisions-atom",
    heading: "Decisions (Atom feed)",
    path: "/open-data/decisions.atom",
    format: "Atom (application/atom+xml) following RFC 4287",
    description: <>The council’s public decisions on its partnerships, newest first: a link approved, paused, reinstated or ended, each with the public reason. Follow it in a feed reader.</>,
  },
  {
    id: "events-ics",
    heading: "Public events (iCalendar)",
    path: "/open-data/events.ics",
    format: "iCalendar (text/calendar) following RFC 5545",
    description: <>Public twinning events — anniversaries, charter signings, festivals and civic visits — to add to a calendar app, which keeps it up to date.</>,
  },
];

export default async function OpenDataPage() {
  await connection();
  const [settings, requestHeaders] = await Promise.all([getSettings(), headers()]);
  const origin = siteOriginFrom(requestHeaders);
  const licence = licenceOf(settings.openDataLicence);

  return (
    <>
      <h1>Open data</h1>
      <p className="max-w-3xl text-lg">
        {settings.councilName} publishes its partner towns and cities, its decisions about them and its public twinning events as open data. The files are always up to
        date: a decision shows in them as soon as it is taken.
      </p>

      <h2>Licence</h2>
      <p className="max-w-3xl">
        You may copy, publish, adapt and use the data, also commercially, under the{" "}
        {licence.url ? (
          <a href={licence.url} rel="license noopener noreferrer">
            {licence.name}
          </a>
        ) : (
          <strong>{licence.name}</strong>
        )}
        . Please acknowledge the source: “Contains data from {settings.councilName}”.
      </p>

      <h2>Files and feeds</h2>
      {DATASETS.map((dataset) => (
        <section key={dataset.id} aria-labelledby={dataset.id} className="mb-6 max-w-3xl border-l-4 border-brand pl-4">
          <h3 id={dataset.id}>{dataset.heading}</h3>
          <p className="my-1">{dataset.description}</p>
          <dl className="my-2 grid grid-cols-1 gap-x-4 sm:grid-cols-[7rem_1fr]">
            <dt className="font-semibold">Address</dt>
            <dd className="m-0 break-all">
              <a href={dataset.path}>{`${origin}${dataset.path}`}</a>
            </dd>
            <dt className="font-semibold">Format</dt>
            <dd className="m-0">{dataset.format}</dd>
          </dl>
        </section>
      ))}

      <h2 id="fields">Fields of the partner files</h2>
      <p className="max-w-3xl">
        Every file describes a partner with these fields. Identifiers are stable; countries are ISO 3166-1 alpha-2 codes; dates follow ISO 8601. An empty value
        (<code>null</code> in JSON) means the council has not recorded it.
      </p>
      <div className="overflow-x-auto">
        <table className="table max-w-5xl">
          <caption className="sr-only">Fields of the partner files</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Type</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {PARTNER_FIELDS.map((field) => (
              <tr key={field.name}>
                <td>
                  <code className="text-sm">{field.name}</code>
                </td>
                <td>
                  {field.type === "array" ? "list of text" : field.format === "date" ? "date" : field.format === "date-time" ? "date and time" : field.type === "string" ? "text" : field.type}
                  {field.nullable ? " or empty" : ""}
                </td>
                <td>{field.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
