import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import { PUBLIC_TAG, publicDataEpoch } from "@/lib/cache";
import { db } from "@/lib/db";
import { registerPublicPagesVersion } from "@/lib/public-page-cache";
import { FORBIDDEN_CHARACTERS } from "@/lib/validation/fields";
import { countryName, NO_COUNTRY, NO_COUNTRY_LABEL } from "@/lib/domain/countries";
import { PUBLIC_STATUSES } from "@/lib/domain/lifecycle";
import { eventSummarySelect } from "./events";
import { exchangeSummarySelect } from "./exchanges";
import { hasFilters, haystackOf, matchesFilters, type PublicFilters } from "./public-filters";
import type { PublicDecision, PublicEvent, PublicExchange, PublicLink, PublicStatus } from "./public-types";

// The public listing, partner pages and open data read through here, and at scale (20,000 links)
// a busy day must cost no database work per request. Everything is cached under a version of
// the data it was built from:
//  - the version is a fingerprint of the tables (row counts, versions, latest change), re-read in
//    the background every second per server process, and at once after revalidatePublic
//    (lib/cache.ts). So a change that never called revalidatePublic — another server instance
//    behind the load balancer, an import script, a restore under a running server — shows within
//    a second or two, and a cache left on disk by an earlier run is never served for other data;
//  - small results (a partner page, the decisions feed) go to the Next.js data cache under that
//    version and PUBLIC_TAG;
//  - the full list of links and the open-data files (megabytes at scale: more than the data
//    cache takes) are built once per version and kept in this process's memory.
const VERSION_TTL_MS = 1000;

/** Links: agreements and partners. Activity: exchanges and events. Decisions: the feed. Pages: all of it and the council's settings. */
export type DataVersions = {
  links: string;
  activity: string;
  decisions: string;
  pages: string;
};

let versionMemo: { readAt: number; epoch: number; versions: Promise<DataVersions>; refreshing?: Promise<void> } | undefined;

async function readVersions(): Promise<DataVersions> {
  const [row] = await db.$queryRaw<{ agreements: string; partners: string; exchanges: string; events: string; decisions: string; settings: string }[]>`
    SELECT
      (SELECT count(*)::text || '|' || coalesce(sum("version"), 0)::text || '|' || coalesce(max("updatedAt")::text, '') FROM "Agreement") AS "agreements",
      (SELECT count(*)::text || '|' || coalesce(max("updatedAt")::text, '') FROM "Partner") AS "partners",
      (SELECT count(*)::text || '|' || coalesce(max("updatedAt")::text, '') FROM "Exchange") AS "exchanges",
      (SELECT count(*)::text || '|' || coalesce(max("updatedAt")::text, '') FROM "Event") AS "events",
      (SELECT count(*)::text || '|' || coalesce(max("createdAt")::text, '') FROM "Decision") AS "decisions",
      (SELECT coalesce(max("updatedAt")::text, '') FROM "CouncilSettings") AS "settings"`;
  if (!row) throw new Error("The public data version query returned no row.");
  const links = `${row.agreements}/${row.partners}`;
  const activity = `${links}/${row.exchanges}/${row.events}`;
  return { links, activity, decisions: `${links}/${row.decisions}`, pages: `${activity}/${row.decisions}/${row.settings}` };
}

/**
 * The versions of the public data. Read once, then re-read in the background when a second has
 * passed (requests meanwhile use the last one: at scale the read counts every exchange), and read
 * afresh, awaited, after revalidatePublic in this process.
 */
export function publicDataVersions(): Promise<DataVersions> {
  const now = Date.now();
  const epoch = publicDataEpoch();
  if (!versionMemo || versionMemo.epoch !== epoch) {
    const versions = readVersions();
    const memo = { readAt: now, epoch, versions };
    versionMemo = memo;
    versions.catch(() => {
      if (versionMemo === memo) versionMemo = undefined;
    });
    return versions;
  }
  const memo = versionMemo;
  if (now - memo.readAt >= VERSION_TTL_MS && !memo.refreshing) {
    memo.refreshing = readVersions().then(
      (versions) => {
        if (versionMemo === memo) versionMemo = { readAt: Date.now(), epoch, versions: Promise.resolve(versions) };
      },
      () => {
        memo.refreshing = undefined;
      },
    );
  }
  return memo.versions;
}

// proxy.ts answers anonymous visits from rendered pages kept under this version.
registerPublicPagesVersion(async () => (await publicDataVersions()).pages);

/** A data-cache entry under a version of the public data. */
function cached<Args extends unknown[], Result>(name: string, version: keyof DataVersions, load: (...args: Args) => Promise<Result>) {
  const read = unstable_cache((_version: string, ...args: Args) => load(...args), ["public", name], { tags: [PUBLIC_TAG] });
  return async (...args: Args): Promise<Result> => read((await publicDataVersions())[version], ...args);
}

/**
 * Values too large for the data cache, kept in memory: one per key, the newest `size` keys
 * (a key holds the data version, so an old version simply falls out).
 */
export function memoryCache<T>(size: number) {
  const entries = new Map<string, Promise<T>>();
  return (key: string, build: () => Promise<T>): Promise<T> => {
    let entry = entries.get(key);
    if (!entry) {
      entry = build();
      entries.set(key, entry);
      entry.catch(() => entries.delete(key));
      while (entries.size > size) entries.delete(entries.keys().next().value!);
    }
    return entry;
  };
}

function day(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

const linkSelect = {
  id: true,
  status: true,
  relationshipType: true,
  themes: true,
  linkBegan: true,
  formalisedOn: true,
  publicSummary: true,
  statusDecision: { select: { createdAt: true, publicReason: true } },
  partner: {
    select: {
      id: true,
      slug: true,
      name: true,
      country: true,
      region: true,
      kind: true,
      latitude: true,
      longitude: true,
      population: true,
      website: true,
    },
  },
} satisfies Prisma.AgreementSelect;

type LinkRow = Prisma.AgreementGetPayload<{ select: typeof linkSelect }>;

function toPublicLink(row: LinkRow): PublicLink {
  return {
    agreementId: row.id,
    status: row.status as PublicStatus,
    relationshipType: row.relationshipType,
    themes: row.themes,
    linkBegan: day(row.linkBegan),
    formalisedOn: day(row.formalisedOn),
    publicSummary: row.publicSummary,
    statusChangedAt: row.statusDecision?.createdAt.toISOString() ?? null,
    publicReason: row.status === "ACTIVE" ? null : (row.statusDecision?.publicReason ?? null),
    partner: { ...row.partner },
  };
}

/** Every public link, read once per version of the data, with what the listing needs to filter it fast. */
export type PublicLinkIndex = {
  version: string;
  /** Active links by partner name. */
  current: PublicLink[];
  /** Suspended and terminated links, the latest decision first. */
  former: PublicLink[];
  /** The countries of every public link, for the Country filter. */
  countries: { value: string; label: string }[];
  /** Folded name, region and country of each link's partner (public-filters.ts). */
  haystacks: Map<string, string>;
};

const linkIndexes = memoryCache<PublicLinkIndex>(2);

async function buildLinkIndex(version: string): Promise<PublicLinkIndex> {
  const rows = await db.agreement.findMany({
    where: { status: { in: [...PUBLIC_STATUSES] } },
    select: linkSelect,
    orderBy: [{ partner: { name: "asc" } }, { linkBegan: "asc" }, { id: "asc" }],
  });
  const links = rows.map(toPublicLink);
  const codes = new Set(links.map((link) => link.partner.country ?? NO_COUNTRY));
  const countries = [...codes]
    .filter((code) => code !== NO_COUNTRY)
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, "en-GB"));
  return {
    version,
    current: links.filter((link) => link.status === "ACTIVE"),
    former: links.filter((link) => link.status !== "ACTIVE").sort((a, b) => (b.statusChangedAt ?? "").localeCompare(a.statusChangedAt ?? "")),
    countries: codes.has(NO_COUNTRY) ? [...countries, { value: NO_COUNTRY, label: NO_COUNTRY_LABEL }] : countries,
    haystacks: new Map(links.map((link) => [link.agreementId, haystackOf(link)])),
  };
}

/** Every link the public may see, as of the current data version. */
export async function publicLinkIndex(): Promise<PublicLinkIndex> {
  const { links } = await publicDataVersions();
  return linkIndexes(links, () => buildLinkIndex(links));
}

export const PUBLIC_PAGE_SIZE = 50;

export type PublicListPage = {
  items: PublicLink[];
  total: number;
  page: number;
  pageCount: number;
};

function pageOfLinks(links: PublicLink[], page: number): PublicListPage {
  const pageCount = Math.max(1, Math.ceil(links.length / PUBLIC_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pageCount);
  return {
    items: links.slice((shown - 1) * PUBLIC_PAGE_SIZE, shown * PUBLIC_PAGE_SIZE),
    total: links.length,
    page: shown,
    pageCount,
  };
}

/** One page of the current and of the former links matching the search, and the totals. */
export async function searchPublicLinks(filters: PublicFilters, pages: { current: number; former: number }) {
  const index = await publicLinkIndex();
  const keep = (link: PublicLink) => matchesFilters(link, filters, index.haystacks.get(link.agreementId));
  const filtered = hasFilters(filters);
  return {
    current: pageOfLinks(filtered ? index.current.filter(keep) : index.current, pages.current),
    former: pageOfLinks(filtered ? index.former.filter(keep) : index.former, pages.former),
    currentTotal: index.current.length,
    formerTotal: index.former.length,
    countries: index.countries,
  };
}

/** The current (active) links: what the open-data files publish. */
export async function listCurrentLinks(): Promise<PublicLink[]> {
  return (await publicLinkIndex()).current;
}

export type PublicPartnerPage = {
  partner: PublicLink["partner"];
  links: PublicLink[];
};

/** A partner with its public links; null when it has never been public (draft, pending, withdrawn). */
export const getPublicPartner = cache(
  cached("partner", "links", async (slug: string): Promise<PublicPartnerPage | null> => {
    // A control character is in no slug, and PostgreSQL refuses a NUL in a query (a 500).
    if (!slug || slug.length > 200 || FORBIDDEN_CHARACTERS.test(slug)) return null;
    const rows = await db.agreement.findMany({
      where: { status: { in: [...PUBLIC_STATUSES] }, partner: { slug } },
      select: linkSelect,
      orderBy: [{ linkBegan: "desc" }, { id: "asc" }],
    });
    const links = rows.map(toPublicLink);
    // Current links first, then paused, then ended.
    links.sort((a, b) => PUBLIC_STATUSES.indexOf(a.status) - PUBLIC_STATUSES.indexOf(b.status));
    return links[0] ? { partner: links[0].partner, links } : null;
  }),
);

/** The public exchanges and events of a partner's public links, most recent first. */
export async function listPublicActivity(agreementIds: string[]): Promise<{ exchanges: PublicExchange[]; events: PublicEvent[] }> {
  if (agreementIds.length === 0) return { exchanges: [], events: [] };
  return readPublicActivity([...agreementIds].sort());
}

const readPublicActivity = cached("activity", "activity", async (agreementIds: string[]): Promise<{ exchanges: PublicExchange[]; events: PublicEvent[] }> => {
  const [exchanges, events] = await Promise.all([
    db.exchange.findMany({
      where: {
        agreementId: { in: agreementIds },
        visibility: "PUBLIC",
        agreement: { status: { in: [...PUBLIC_STATUSES] } },
      },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      take: 200,
      select: { id: true, ...exchangeSummarySelect, outcomes: true },
    }),
    db.event.findMany({
      where: {
        agreementId: { in: agreementIds },
        visibility: "PUBLIC",
        agreement: { status: { in: [...PUBLIC_STATUSES] } },
      },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      take: 200,
      select: { id: true, ...eventSummarySelect, description: true },
    }),
  ]);
  return {
    exchanges: exchanges.map((exchange) => ({
      ...exchange,
      startDate: day(exchange.startDate)!,
      endDate: day(exchange.endDate),
    })),
    events: events.map((event) => ({
      ...event,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt?.toISOString() ?? null,
    })),
  };
});

/** Public decisions — links approved, paused, reinstated or ended — newest first. */
export const listPublicDecisions = cache(
  cached("decisions", "decisions", async (limit: number): Promise<PublicDecision[]> => {
    const rows = await db.decision.findMany({
      // A rejected proposal also writes STATUS_CHANGED, with the status unchanged: not a public decision.
      where: {
        kind: "STATUS_CHANGED",
        OR: PUBLIC_STATUSES.map((status) => ({
          toStatus: status,
          OR: [{ fromStatus: null }, { fromStatus: { not: status } }],
        })),
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        createdAt: true,
        fromStatus: true,
        toStatus: true,
        publicReason: true,
        agreement: {
          select: {
            relationshipType: true,
            partner: {
              select: { id: true, slug: true, name: true, country: true },
            },
          },
        },
      },
    });
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      fromStatus: row.fromStatus,
      toStatus: row.toStatus as PublicStatus,
      publicReason: row.publicReason,
      relationshipType: row.agreement.relationshipType,
      partner: row.agreement.partner,
    }));
  }),
);

const openDataFiles = memoryCache<Uint8Array<ArrayBuffer>>(12);

/**
 * An open-data file of the current links, serialised once per data version and `variant` (what
 * else goes into it: the site's origin, the council's name and licence) and kept as bytes: at
 * scale the JSON is megabytes, and a request then costs no database work and no serialising.
 */
export async function currentLinksFile(name: string, variant: string, serialise: (links: PublicLink[]) => string): Promise<Uint8Array<ArrayBuffer>> {
  const index = await publicLinkIndex();
  return openDataFiles(`${name}\n${index.version}\n${variant}`, async () => new TextEncoder().encode(serialise(index.current)));
}

/** Any other public file (the events calendar, the decisions feed): made once per version of its data and `variant`. */
export async function publicFile(name: string, version: keyof DataVersions, variant: string, build: () => Promise<string>): Promise<Uint8Array<ArrayBuffer>> {
  const versions = await publicDataVersions();
  return openDataFiles(`${name}\n${versions[version]}\n${variant}`, async () => new TextEncoder().encode(await build()));
}
