import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { connection } from "next/server";
import { FilterSelect } from "@/components/filter-form";
import { LabelledControl } from "@/components/form/labelled";
import { StatusTag } from "@/components/status-tag";
import { Place } from "@/components/public/place";
import { WorldMap, type MapMarker } from "@/components/public/world-map";
import { Pagination } from "@/components/pagination";
import { pageNumber } from "@/lib/domain/pagination";
import { PUBLIC_PAGE_SIZE, searchPublicLinks } from "@/lib/data/public";
import { hasFilters, parsePublicFilters } from "@/lib/domain/public-filters";
import { dateOf, sinceOf } from "@/lib/domain/public-format";
import { getSettings } from "@/lib/data/settings";
import { countryName } from "@/lib/domain/countries";
import { optionsOf, RELATIONSHIP_TYPE_LABELS } from "@/lib/domain/labels";
import { formatDate, plural } from "@/lib/domain/format";
import { siteOriginFrom } from "@/lib/web/request-context";
import { partnerPagePath } from "@/lib/open-data/partners";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [{ councilName }, requestHeaders] = await Promise.all([getSettings(), headers()]);
  const origin = siteOriginFrom(requestHeaders);
  const description = `The twin towns, sister cities and other partners of ${councilName}, with paused and former partnerships and the reasons for them.`;
  return {
    title: "Our partner towns and cities",
    description,
    openGraph: {
      title: `Partner towns and cities of ${councilName}`,
      description,
      url: `${origin}/partners`,
      type: "website",
      siteName: councilName,
      locale: "en_GB",
    },
    alternates: {
      types: {
        "application/atom+xml": [
          {
            url: `${origin}/open-data/decisions.atom`,
            title: `Partnership decisions of ${councilName}`,
          },
        ],
      },
    },
  };
}

export default async function PartnersPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const filters = parsePublicFilters(params);
  const [result, { councilName }] = await Promise.all([
    searchPublicLinks(filters, {
      current: pageNumber(params.page),
      former: pageNumber(params.formerPage),
    }),
    getSettings(),
  ]);
  const { current, former, currentTotal, formerTotal, countries } = result;
  const shown = current.items;
  const filtered = hasFilters(filters);
  // The map marks the partners of this page of the list: the list and the map say the same.
  const markers: MapMarker[] = shown.flatMap(({ partner }) =>
    partner.latitude !== null && partner.longitude !== null
      ? [
          {
            id: partner.id,
            name: partner.name,
            label: partner.country ? `${partner.name}, ${countryName(partner.country)}` : partner.name,
            href: partnerPagePath(partner.slug),
            latitude: partner.latitude,
            longitude: partner.longitude,
          },
        ]
      : [],
  );
  const unmapped = shown.filter(({ partner }) => partner.latitude === null || partner.longitude === null);
  const query = { q: filters.q, country: filters.country, type: filters.type };
  const pageNote = current.pageCount > 1 ? ` Page ${current.page} of ${current.pageCount}, ${PUBLIC_PAGE_SIZE} to a page.` : "";

  return (
    <>
      <h1>Our partner towns and cities</h1>
      <p className="max-w-3xl text-lg">
        {councilName} has {plural(currentTotal, "current partner", "current partners")} around the world: twin towns, sister cities and friendship links that bring people together
        through exchanges, culture, education and trade.
      </p>

      <form
        method="get"
        action="/partners"
        role="search"
        aria-label="Search and filter partners"
        className="my-6 grid grid-cols-1 gap-4 rounded bg-slate-100 p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <LabelledControl id="q" label="Search partners" hint="By name, region or country" className="sm:col-span-2">
          <input id="q" name="q" type="search" defaultValue={filters.q} aria-describedby="q-hint" className="input" autoComplete="off" />
        </LabelledControl>
        <FilterSelect name="country" label="Country" value={filters.country} options={countries} anyLabel="Any country" className="sm:self-end" />
        <FilterSelect name="type" label="Relationship type" value={filters.type} options={optionsOf(RELATIONSHIP_TYPE_LABELS)} anyLabel="Any type" className="sm:self-end" />
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="button">
            Search
          </button>
          {filtered ? <Link href="/partners">Clear search and filters</Link> : null}
        </div>
      </form>

      <div className="grid grid-cols-1 gap-x-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="current-heading">
          <h2 id="current-heading" className="mt-0">
            Current partners
          </h2>
          <p className="text-slate-700">
            {filtered
              ? `${plural(current.total, "partner matches", "partners match")} your search, of ${currentTotal}.`
              : `${plural(currentTotal, "partner", "partners")}, by name.`}
            {pageNote}
          </p>
          {shown.length === 0 ? (
            <p className="font-semibold">
              {filtered ? "No current partners match your search. Try another name, or clear the filters." : "There are no current partners at the moment."}
            </p>
          ) : (
            <ul className="divide-y divide-slate-300 border-y border-slate-300">
              {shown.map((link) => (
                <li key={link.agreementId} className="py-4">
                  <h3 className="mt-0 mb-1 text-xl">
                    <Link href={partnerPagePath(link.partner.slug)}>{link.partner.name}</Link>
                  </h3>
                  <p className="m-0 text-slate-700">
                    <Place country={link.partner.country} region={link.partner.region} />
                  </p>
                  <p className="m-0 font-semibold">{[RELATIONSHIP_TYPE_LABELS[link.relationshipType], sinceOf(link).toLowerCase()].filter(Boolean).join(", ")}</p>
                  {link.publicSummary ? <p className="mt-2 mb-0 max-w-prose">{link.publicSummary}</p> : null}
                </li>
              ))}
            </ul>
          )}
          {current.pageCount > 1 ? (
            <Pagination
              page={current.page}
              pageCount={current.pageCount}
              total={current.total}
              params={{
                ...query,
                formerPage: former.page > 1 ? String(former.page) : undefined,
              }}
              basePath="/partners"
              noun="current partners"
              label="Pages of current partners"
            />
          ) : null}
        </section>

        {shown.length > 0 ? (
          <section aria-labelledby="map-heading" className="mt-8 lg:mt-0">
            <h2 id="map-heading" className="mt-0">
              Map of current partners
            </h2>
            {current.pageCount > 1 ? <p className="text-sm text-slate-700">The partners on this page of the list.</p> : null}
            <figure className="m-0">
              {markers.length > 0 ? <WorldMap markers={markers} label="Map of current partners: each marker links to the partner’s page" /> : null}
              <figcaption className="mt-2 text-sm text-slate-700">
                {markers.length > 0 ? `The map marks ${markers.map((marker) => marker.label).join("; ")}.` : "None of these partners has a location to show on a map."}
                {unmapped.length > 0 && markers.length > 0 ? ` Not on the map, for want of a location: ${unmapped.map((link) => link.partner.name).join(", ")}.` : null} The list
                gives the same information.
              </figcaption>
            </figure>
          </section>
        ) : null}
      </div>

      <section aria-labelledby="former-heading" className="mt-10">
        <h2 id="former-heading">Paused and former partnerships</h2>
        <p className="max-w-3xl">When the council pauses or ends a partnership, it says why here.</p>
        {former.items.length === 0 ? (
          <p className="font-semibold">{filtered && formerTotal > 0 ? "No paused or former partnerships match your search." : "There are no paused or former partnerships."}</p>
        ) : (
          <ul className="divide-y divide-slate-300 border-y border-slate-300">
            {former.items.map((link) => {
              const decided = dateOf(link.statusChangedAt);
              return (
                <li key={link.agreementId} className="py-4">
                  <h3 className="mt-0 mb-1 text-xl">
                    <Link href={partnerPagePath(link.partner.slug)}>{link.partner.name}</Link>
                  </h3>
                  <p className="m-0 text-slate-700">
                    <Place country={link.partner.country} region={link.partner.region} extra={RELATIONSHIP_TYPE_LABELS[link.relationshipType]} />
                  </p>
                  <p className="mt-1 mb-0">
                    <StatusTag status={link.status} />{" "}
                    {decided ? (
                      <>
                        {link.status === "SUSPENDED" ? "Paused" : "Ended"} on <time dateTime={link.statusChangedAt ?? undefined}>{formatDate(decided)}</time>
                      </>
                    ) : null}
                  </p>
                  <p className="mt-2 mb-0 max-w-prose border-l-4 border-slate-400 pl-3">{link.publicReason || "The council gave no public reason."}</p>
                </li>
              );
            })}
          </ul>
        )}
        {former.pageCount > 1 ? (
          <Pagination
            page={former.page}
            pageCount={former.pageCount}
            total={former.total}
            params={{
              ...query,
              page: current.page > 1 ? String(current.page) : undefined,
            }}
            basePath="/partners"
            noun="paused and former partnerships"
            pageParam="formerPage"
            label="Pages of paused and former partnerships"
          />
        ) : null}
      </section>

      <p className="mt-10">
        <Link href="/open-data">Download the list of partners as open data</Link> (JSON, CSV, GeoJSON), or follow the council’s decisions in a feed.
      </p>
    </>
  );
}
