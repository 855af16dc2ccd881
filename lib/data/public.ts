import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import { PUBLIC_TAG } from "@/lib/cache";
import { db } from "@/lib/db";
import type { PublicDecision, PublicEvent, PublicExchange, PublicLink, PublicStatus } from "./public-types";

// The public listing, partner pages and open data read through here. Links and decisions are
// cached under PUBLIC_TAG, which every decision revalidates (lib/cache.ts). The cache key also
// carries a fingerprint of the agreements and partners (one small aggregate per request), so
// a change that never called revalidatePublic — another server instance behind the load
// balancer, an import, a freshly seeded database under a restarted server (the cache lives in
// .next/cache, Next.js remembers revalidated tags only in memory) — is never served stale.
const PUBLIC_STATUSES: PublicStatus[] = ["ACTIVE", "SUSPENDED", "TERMINATED"];

function cached<Args extends unknown[], Result>(name: string, load: (...args: Args) => Promise<Result>) {
  const read = unstable_cache((_version: string, ...args: Args) => load(...args), ["public", name], { tags: [PUBLIC_TAG] });
  return async (...args: Args): Promise<Result> => read(await publicDataVersion(), ...args);
}

/** Changes whenever an agreement (its status included) or a partner is created or changed: every agreement write bumps its version. */
const publicDataVersion = cache(async (): Promise<string> => {
  const [agreements, partners] = await Promise.all([
    db.agreement.aggregate({ _max: { updatedAt: true }, _sum: { version: true }, _count: { _all: true } }),
    db.partner.aggregate({ _max: { updatedAt: true }, _count: { _all: true } }),
  ]);
  return [agreements._count._all, agreements._sum.version, agreements._max.updatedAt?.toISOString(), partners._count._all, partners._max.updatedAt?.toISOString()].join("|");
});

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
    select: { id: true, slug: true, name: true, country: true, region: true, kind: true, latitude: true, longitude: true, population: true, website: true },
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

/** Every link the public may see (active, suspended or terminated), by partner name. */
export const listPublicLinks = cache(
  cached("links", async (): Promise<PublicLink[]> => {
    const rows = await db.agreement.findMany({
      where: { status: { in: PUBLIC_STATUSES } },
      select: linkSelect,
      orderBy: [{ partner: { name: "asc" } }, { linkBegan: "asc" }, { id: "asc" }],
    });
    return rows.map(toPublicLink);
  }),
);

/** The current (active) links: what the open-data files publish. */
export async function listCurrentLinks(): Promise<PublicLink[]> {
  return (await listPublicLinks()).filter((link) => link.status === "ACTIVE");
}

export type PublicPartnerPage = { partner: PublicLink["partner"]; links: PublicLink[] };

/** A partner with its public links; null when it has never been public (draft, pending, withdrawn). */
export const getPublicPartner = cache(
  cached("partner", async (slug: string): Promise<PublicPartnerPage | null> => {
    if (!slug || slug.length > 200) return null;
    const rows = await db.agreement.findMany({
      where: { status: { in: PUBLIC_STATUSES }, partner: { slug } },
      select: linkSelect,
      orderBy: [{ linkBegan: "desc" }, { id: "asc" }],
    });
    const links = rows.map(toPublicLink);
    // Current links first, then paused, then ended.
    links.sort((a, b) => PUBLIC_STATUSES.indexOf(a.status) - PUBLIC_STATUSES.indexOf(b.status));
    return links[0] ? { partner: links[0].partner, links } : null;
  }),
);

/**
 * The public exchanges and events of a partner's public links, most recent first. Read fresh on
 * every request: they are logged by other pages that do not revalidate the public cache.
 */
export async function listPublicActivity(agreementIds: string[]): Promise<{ exchanges: PublicExchange[]; events: PublicEvent[] }> {
  if (agreementIds.length === 0) return { exchanges: [], events: [] };
  const [exchanges, events] = await Promise.all([
    db.exchange.findMany({
      where: { agreementId: { in: agreementIds }, visibility: "PUBLIC", agreement: { status: { in: PUBLIC_STATUSES } } },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      take: 200,
      select: { id: true, kind: true, direction: true, startDate: true, endDate: true, participantCount: true, participantsDescription: true, outcomes: true },
    }),
    db.event.findMany({
      where: { agreementId: { in: agreementIds }, visibility: "PUBLIC", agreement: { status: { in: PUBLIC_STATUSES } } },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      take: 200,
      select: { id: true, title: true, kind: true, startsAt: true, endsAt: true, timeZone: true, place: true, description: true },
    }),
  ]);
  return {
    exchanges: exchanges.map((exchange) => ({ ...exchange, startDate: day(exchange.startDate)!, endDate: day(exchange.endDate) })),
    events: events.map((event) => ({ ...event, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt?.toISOString() ?? null })),
  };
}

/** Public decisions — links approved, paused, reinstated or ended — newest first. */
export const listPublicDecisions = cache(
  cached("decisions", async (limit: number): Promise<PublicDecision[]> => {
    const rows = await db.decision.findMany({
      // A rejected proposal also writes STATUS_CHANGED, with the status unchanged: not a public decision.
      where: { kind: "STATUS_CHANGED", OR: PUBLIC_STATUSES.map((status) => ({ toStatus: status, OR: [{ fromStatus: null }, { fromStatus: { not: status } }] })) },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        createdAt: true,
        fromStatus: true,
        toStatus: true,
        publicReason: true,
        agreement: { select: { relationshipType: true, partner: { select: { id: true, slug: true, name: true, country: true } } } },
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
