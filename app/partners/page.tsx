import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { connection } from "next/server";
import { Link } from "@/components/link";
import { FilterSelect } from "@/components/filter-form";
import { LabelledControl } from "@/components/form/labelled";
import { StatusTag } from "@/components/status-tag";
import { Place } from "@/components/public/place";
import { TranslatedText } from "@/components/public/translated-text";
import { publicReasonIn, publicSummaryIn } from "@/lib/domain/public-translations";
import { WorldMap, type MapMarker } from "@/components/public/world-map";
import { Pagination } from "@/components/pagination";
import { pageNumber } from "@/lib/domain/pagination";
import { PUBLIC_PAGE_SIZE, searchPublicLinks } from "@/lib/data/public";
import { hasFilters, parsePublicFilters } from "@/lib/domain/public-filters";
import { countryNameIn, dateOf, sinceOf } from "@/lib/domain/public-format";
import { getSettings } from "@/lib/data/settings";
import { NO_COUNTRY } from "@/lib/domain/countries";
import { labelsIn, optionsOf } from "@/lib/domain/labels";
import { formatDate } from "@/lib/domain/format";
import { LANGUAGE_TAGS, localizedPath, OPEN_GRAPH_LOCALES } from "@/lib/i18n/locales";
import { getPageLocale, languageAlternates } from "@/lib/i18n/server";
import { siteOriginFrom } from "@/lib/web/request-context";
import { partnerPagePath } from "@/lib/open-data/partners";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [{ councilName }, requestHeaders, locale, t, languages] = await Promise.all([getSettings(), headers(), getPageLocale(), getTranslations("public"), languageAlternates()]);
  const origin = siteOriginFrom(requestHeaders);
  const description = t("partners.description", { council: councilName });
  return {
    title: t("partners.title"),
    description,
    openGraph: {
      title: t("partners.ogTitle", { council: councilName }),
      description,
      url: `${origin}${localizedPath("/partners", locale)}`,
      type: "website",
      siteName: councilName,
      locale: OPEN_GRAPH_LOCALES[locale],
    },
    alternates: {
      // The layout's hreflang alternates and this page's canonical in its own language, with the feed.
      ...languages,
      types: {
        "application/atom+xml": [
          {
            url: `${origin}/open-data/decisions.atom`,
            title: t("feedTitle", { council: councilName }),
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
  const [result, { councilName }, locale, t] = await Promise.all([
    searchPublicLinks(filters, {
      current: pageNumber(params.page),
      former: pageNumber(params.formerPage),
    }),
    getSettings(),
    getPageLocale(),
    getTranslations("public"),
  ]);
  const { current, former, currentTotal, formerTotal } = result;
  const labels = labelsIn(locale);
  // The countries named in the page's language, in its alphabetical order ("no country" last).
  const countries =
    locale === "en"
      ? result.countries
      : result.countries
          .map(({ value }) => ({ value, label: countryNameIn(value, locale) }))
          .sort((a, b) => Number(a.value === NO_COUNTRY) - Number(b.value === NO_COUNTRY) || a.label.localeCompare(b.label, LANGUAGE_TAGS[locale]));
  const shown = current.items;
  const filtered = hasFilters(filters);
  // The map marks the partners of this page of the list: the list and the map say the same.
  const markers: MapMarker[] = shown.flatMap(({ partner }) =>
    partner.latitude !== null && partner.longitude !== null
      ? [
          {
            id: partner.id,
            name: partner.name,
            label: partner.country ? `${partner.name}, ${countryNameIn(partner.country, locale)}` : partner.name,
            href: localizedPath(partnerPagePath(partner.slug), locale),
            latitude: partner.latitude,
            longitude: partner.longitude,
          },
        ]
      : [],
  );
  const unmapped = shown.filter(({ partner }) => partner.latitude === null || partner.longitude === null);
  const query = { q: filters.q, country: filters.country, type: filters.type };
  const pageNote =
    current.pageCount > 1 ? ` ${t("partners.pageNote", { page: String(current.page), pageCount: String(current.pageCount), size: String(PUBLIC_PAGE_SIZE) })}` : "";

  return (
    <>
      <h1>{t("partners.heading")}</h1>
      <p className="max-w-3xl text-lg">{t("partners.intro", { council: councilName, count: currentTotal })}</p>

      <form
        method="get"
        action={localizedPath("/partners", locale)}
        role="search"
        aria-label={t("partners.searchForm")}
        className="my-6 grid grid-cols-1 gap-4 rounded bg-slate-100 p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <LabelledControl id="q" label={t("partners.searchLabel")} hint={t("partners.searchHint")} className="sm:col-span-2">
          <input id="q" name="q" type="search" defaultValue={filters.q} aria-describedby="q-hint" className="input" autoComplete="off" />
        </LabelledControl>
        <FilterSelect name="country" label={t("partners.country")} value={filters.country} options={countries} anyLabel={t("partners.anyCountry")} className="sm:self-end" />
        <FilterSelect
          name="type"
          label={t("partners.type")}
          value={filters.type}
          options={optionsOf(labels.relationshipType)}
          anyLabel={t("partners.anyType")}
          className="sm:self-end"
        />
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="button">
            {t("partners.search")}
          </button>
          {filtered ? <Link href="/partners">{t("partners.clear")}</Link> : null}
        </div>
      </form>

      <div className="grid grid-cols-1 gap-x-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="current-heading">
          <h2 id="current-heading" className="mt-0">
            {t("partners.currentHeading")}
          </h2>
          <p className="text-slate-700">
            {filtered ? t("partners.matches", { count: current.total, total: String(currentTotal) }) : t("partners.count", { count: currentTotal })}
            {pageNote}
          </p>
          {shown.length === 0 ? (
            <p className="font-semibold">{filtered ? t("partners.noMatches") : t("partners.noCurrent")}</p>
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
                  <p className="m-0 font-semibold">{[labels.relationshipType[link.relationshipType], sinceOf(link, locale, { inline: true })].filter(Boolean).join(", ")}</p>
                  {link.publicSummary ? (
                    <p className="mt-2 mb-0 max-w-prose">
                      <TranslatedText shown={publicSummaryIn(link, locale)} />
                    </p>
                  ) : null}
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
              noun={t("partners.currentNoun")}
              label={t("partners.currentPages")}
            />
          ) : null}
        </section>

        {shown.length > 0 ? (
          <section aria-labelledby="map-heading" className="mt-8 lg:mt-0">
            <h2 id="map-heading" className="mt-0">
              {t("partners.mapHeading")}
            </h2>
            {current.pageCount > 1 ? <p className="text-sm text-slate-700">{t("partners.mapPageNote")}</p> : null}
            <figure className="m-0">
              {markers.length > 0 ? <WorldMap markers={markers} label={t("partners.mapLabel")} /> : null}
              <figcaption className="mt-2 text-sm text-slate-700">
                {markers.length > 0 ? t("partners.mapMarks", { places: markers.map((marker) => marker.label).join("; ") }) : t("partners.mapNone")}
                {unmapped.length > 0 && markers.length > 0 ? ` ${t("partners.mapUnmapped", { names: unmapped.map((link) => link.partner.name).join(", ") })}` : null} {t("partners.mapSame")}
              </figcaption>
            </figure>
          </section>
        ) : null}
      </div>

      <section aria-labelledby="former-heading" className="mt-10">
        <h2 id="former-heading">{t("partners.formerHeading")}</h2>
        <p className="max-w-3xl">{t("partners.formerIntro")}</p>
        {former.items.length === 0 ? (
          <p className="font-semibold">{filtered && formerTotal > 0 ? t("partners.formerNoMatches") : t("partners.formerNone")}</p>
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
                    <Place country={link.partner.country} region={link.partner.region} extra={labels.relationshipType[link.relationshipType]} />
                  </p>
                  <p className="mt-1 mb-0">
                    <StatusTag status={link.status} />{" "}
                    {decided
                      ? t.rich(link.status === "SUSPENDED" ? "partners.pausedOn" : "partners.endedOn", {
                          date: formatDate(decided, locale),
                          time: (chunks) => <time dateTime={link.statusChangedAt ?? undefined}>{chunks}</time>,
                        })
                      : null}
                  </p>
                  <p className="mt-2 mb-0 max-w-prose border-l-4 border-slate-400 pl-3">{link.publicReason ? <TranslatedText shown={publicReasonIn(link, locale)!} /> : t("noReason")}</p>
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
            noun={t("partners.formerNoun")}
            pageParam="formerPage"
            label={t("partners.formerPages")}
          />
        ) : null}
      </section>

      <p className="mt-10">{t.rich("partners.openData", { link: (chunks) => <Link href="/open-data">{chunks}</Link> })}</p>
    </>
  );
}
