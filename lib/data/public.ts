import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { cacheUntilChanged, type Topic } from "@/lib/cache";
import { db } from "@/lib/db";
import { FORBIDDEN_CHARACTERS } from "@/lib/domain/validation/fields";
import { countryName, NO_COUNTRY, NO_COUNTRY_LABEL } from "@/lib/domain/countries";
import { isPartnerConfirmed, PUBLIC_STATUSES } from "@/lib/domain/lifecycle";
import { eventSummarySelect } from "./events";
import { exchangeSummarySelect } from "./exchanges";
import { hasFilters, haystackOf, matchesFilters, type PublicFilters } from "../domain/public-filters";
import { CONTENT_LOCALES } from "@/lib/domain/validation/agreement";
import type { PublicDecision, PublicEvent, PublicExchange, PublicLink, PublicStatus, PublicTranslations } from "../domain/public-types";

// The public listing, partner pages and open data read through here, and at scale (20,000 links)
// a busy day must cost no database work per request. Everything is kept in this process's memory
// (lib/cache) until the data it was read from changes, in any process or server: the list of
// every public link once, and the partner pages and files derived from it; a partner page is a
// lookup in that list, so an address of no partner costs nothing and keeps nothing.

/** What each public file is made from: the change signal's topics (lib/cache/signal.ts). */
const PUBLIC_DATA = {
  links: ["links"],
  activity: ["links", "activity"],
  decisions: ["links", "decisions"],
  pages: ["links", "activity", "decisions", "settings"],
} satisfies Record<string, Topic[]>;
export type PublicData = keyof typeof PUBLIC_DATA;

function day(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

const linkSelect = {
  id: true,
  status: true,
  relationshipType: true,
  title: true,
  themes: true,
  linkBegan: true,
  formalisedOn: true,
  publicSummary: true,
  partnerDecisionDate: true,
  partnerDecisionReference: true,
  translations: { select: { locale: true, publicSummary: true } },
  statusDecision: { select: { createdAt: true, publicReason: true, translations: { select: { locale: true, publicReason: true } } } },
  // The latest amendment that took effect: "Amended on …" (its date only; what changed is shown as the terms are now).
  decisions: { where: { kind: "AMENDED" }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 1, select: { createdAt: true } },
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
      localName: true,
      localNameLanguage: true,
      wikidataId: true,
    },
  },
} satisfies Prisma.AgreementSelect;

type LinkRow = Prisma.AgreementGetPayload<{ select: typeof linkSelect }>;

/** A link's public text in each language it is translated into (only what is shown: a reason only when the status shows one). */
function translationsOf(row: LinkRow, publicReason: string | null): PublicTranslations {
  const translations: PublicTranslations = {};
  for (const locale of CONTENT_LOCALES) {
    const publicSummary = row.translations.find((translation) => translation.locale === locale)?.publicSummary ?? null;
    const reason = publicReason ? (row.statusDecision?.translations.find((translation) => translation.locale === locale)?.publicReason ?? null) : null;
    if (publicSummary !== null || reason !== null) translations[locale] = { publicSummary, publicReason: reason };
  }
  return translations;
}

function toPublicLink(row: LinkRow): PublicLink {
  const publicReason = row.status === "ACTIVE" ? null : (row.statusDecision?.publicReason ?? null);
  return {
    agreementId: row.id,
    status: row.status as PublicStatus,
    relationshipType: row.relationshipType,
    title: row.title,
    themes: row.themes,
    linkBegan: day(row.linkBegan),
    formalisedOn: day(row.formalisedOn),
    publicSummary: row.publicSummary,
    statusChangedAt: row.statusDecision?.createdAt.toISOString() ?? null,
    publicReason,
    translations: translationsOf(row, publicReason),
    partnerConfirmed: isPartnerConfirmed(row),
    partnerDecisionDate: day(row.partnerDecisionDate),
    amendedAt: row.decisions[0]?.createdAt.toISOString() ?? null,
    partner: { ...row.partner },
  };
}

/** Every public link, read once per version of the data, with what the listing needs to filter it fast. */
export type PublicLinkIndex = {
  /** Active links by partner name. */
  current: PublicLink[];
  /** Suspended and terminated links, the latest decision first. */
  former: PublicLink[];
  /** The countries of every public link, for the Country filter. */
  countries: { value: string; label: string }[];
  /** Folded name, region and country of each link's partner (public-filters.ts). */
  haystacks: Map<string, string>;
  /** Each partner's page by its slug. */
  partners: Map<string, PublicPartnerPage>;
};

const linkIndex = cacheUntilChanged<PublicLinkIndex>({ topics: PUBLIC_DATA.links, maxEntries: 1 });

async function buildLinkIndex(): Promise<PublicLinkIndex> {
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
    current: links.filter((link) => link.status === "ACTIVE"),
    former: links.filter((link) => link.status !== "ACTIVE").sort((a, b) => (b.statusChangedAt ?? "").localeCompare(a.statusChangedAt ?? "")),
    countries: codes.has(NO_COUNTRY) ? [...countries, { value: NO_COUNTRY, label: NO_COUNTRY_LABEL }] : countries,
    haystacks: new Map(links.map((link) => [link.agreementId, haystackOf(link)])),
    partners: partnerPages(links),
  };
}

/** Every link the public may see, as of the current data version. */
export function publicLinkIndex(): Promise<PublicLinkIndex> {
  return linkIndex("", buildLinkIndex);
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

/**
 * Each partner's public links, by slug: current links first, then paused, then ended, each the
 * latest begun first (never begun first of all, as PostgreSQL orders nulls when descending).
 */
function partnerPages(links: PublicLink[]): Map<string, PublicPartnerPage> {
  const pages = new Map<string, PublicPartnerPage>();
  for (const link of links) {
    const page = pages.get(link.partner.slug);
    if (page) page.links.push(link);
    else pages.set(link.partner.slug, { partner: link.partner, links: [link] });
  }
  const began = (link: PublicLink) => link.linkBegan ?? "9999";
  for (const page of pages.values()) {
    page.links.sort(
      (a, b) =>
        PUBLIC_STATUSES.indexOf(a.status) - PUBLIC_STATUSES.indexOf(b.status) ||
        began(b).localeCompare(began(a)) ||
        (a.agreementId < b.agreementId ? -1 : a.agreementId > b.agreementId ? 1 : 0),
    );
  }
  return pages;
}

/** A partner with its public links; null when it has never been public (draft, pending, withdrawn) or there is no such partner. */
export async function getPublicPartner(slug: string): Promise<PublicPartnerPage | null> {
  // A control character is in no slug; nor is anything this long.
  if (!slug || slug.length > 200 || FORBIDDEN_CHARACTERS.test(slug)) return null;
  return (await publicLinkIndex()).partners.get(slug) ?? null;
}

/**
 * The public exchanges and events of a partner's public links, most recent first. A cancelled
 * event is shown, marked Cancelled, until it would have ended (residents who planned to go see
 * why); after that it is left out (filtered here, after the cache, since time alone changes it).
 */
export async function listPublicActivity(agreementIds: string[], now = new Date()): Promise<{ exchanges: PublicExchange[]; events: PublicEvent[] }> {
  if (agreementIds.length === 0) return { exchanges: [], events: [] };
  const ids = [...agreementIds].sort();
  const { exchanges, events } = await publicActivity(ids.join(","), () => readPublicActivity(ids));
  return { exchanges, events: events.filter((event) => !event.cancelled || new Date(event.endsAt ?? event.startsAt) >= now) };
}

/** Partner pages' activity; only a public partner's page asks, so the keys are real links. */
const publicActivity = cacheUntilChanged<{ exchanges: PublicExchange[]; events: PublicEvent[] }>({ topics: PUBLIC_DATA.activity, maxEntries: 1000 });

async function readPublicActivity(agreementIds: string[]): Promise<{ exchanges: PublicExchange[]; events: PublicEvent[] }> {
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
      select: { id: true, ...eventSummarySelect, description: true, cancelledAt: true, cancellationPublicReason: true },
    }),
  ]);
  return {
    exchanges: exchanges.map((exchange) => ({
      ...exchange,
      startDate: day(exchange.startDate)!,
      endDate: day(exchange.endDate),
    })),
    events: events.map(({ cancelledAt, cancellationPublicReason, ...event }) => ({
      ...event,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt?.toISOString() ?? null,
      cancelled: cancelledAt ? { publicReason: cancellationPublicReason ?? "" } : null,
    })),
  };
}

const publicDecisions = cacheUntilChanged<PublicDecision[]>({ topics: PUBLIC_DATA.decisions, maxEntries: 4 });

/** Public decisions — links approved, paused, reinstated or ended — newest first. */
export function listPublicDecisions(limit: number): Promise<PublicDecision[]> {
  return publicDecisions(String(limit), () => readPublicDecisions(limit));
}

async function readPublicDecisions(limit: number): Promise<PublicDecision[]> {
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
}

/** Open-data files as bytes, by what they are made from: a few names, each in a few variants. */
const openDataFiles = {
  links: cacheUntilChanged<Uint8Array<ArrayBuffer>>({ topics: PUBLIC_DATA.links, maxEntries: 12 }),
  activity: cacheUntilChanged<Uint8Array<ArrayBuffer>>({ topics: PUBLIC_DATA.activity, maxEntries: 4 }),
  decisions: cacheUntilChanged<Uint8Array<ArrayBuffer>>({ topics: PUBLIC_DATA.decisions, maxEntries: 4 }),
  pages: cacheUntilChanged<Uint8Array<ArrayBuffer>>({ topics: PUBLIC_DATA.pages, maxEntries: 4 }),
} satisfies Record<PublicData, unknown>;

/**
 * An open-data file of the current links, serialised once per data version and `variant` (what
 * else goes into it: the site's origin, the council's name and licence) and kept as bytes: at
 * scale the JSON is megabytes, and a request then costs no database work and no serialising.
 */
export async function currentLinksFile(name: string, variant: string, serialise: (links: PublicLink[]) => string): Promise<Uint8Array<ArrayBuffer>> {
  return openDataFiles.links(`${name}\n${variant}`, async () => new TextEncoder().encode(serialise((await publicLinkIndex()).current)));
}

/** A file of every public link, current first then paused and ended (the twinning-link standard), made once per version of the links and `variant`. */
export async function publicLinksFile(name: string, variant: string, serialise: (links: PublicLink[]) => string): Promise<Uint8Array<ArrayBuffer>> {
  return openDataFiles.links(`${name}\n${variant}`, async () => {
    const index = await publicLinkIndex();
    return new TextEncoder().encode(serialise([...index.current, ...index.former]));
  });
}

/** Any other public file (the events calendar, the decisions feed): made once per version of its data and `variant`. */
export function publicFile(name: string, data: PublicData, variant: string, build: () => Promise<string>): Promise<Uint8Array<ArrayBuffer>> {
  return openDataFiles[data](`${name}\n${variant}`, async () => new TextEncoder().encode(await build()));
}
