import "server-only";
import { shortLived } from "@/lib/cache";
import { db } from "@/lib/db";
import { queryParam, searchText } from "@/lib/validation/fields";
import type { Prisma } from "@/generated/prisma/client";
import { AgreementStatus, RelationshipType } from "@/generated/prisma/enums";
import { dormantAmong, dormantWhere } from "./activity";
import { pageOf, PAGE_SIZE, type Page } from "./pagination";
import { getSettings } from "./settings";

export const AGREEMENT_SORTS = {
  partner: { partner: { name: "asc" } },
  country: { partner: { country: "asc" } },
  since: { linkBegan: "asc" },
  review: { reviewDate: "asc" },
  status: { status: "asc" },
  updated: { updatedAt: "desc" },
} as const satisfies Record<string, Prisma.AgreementOrderByWithRelationInput>;

export type AgreementSort = keyof typeof AGREEMENT_SORTS;

export type AgreementFilters = {
  q?: string;
  status?: AgreementStatus;
  country?: string;
  type?: RelationshipType;
  sort?: AgreementSort;
  /** Only Active links with no exchange or event within the dormancy window. */
  dormant?: boolean;
  page?: number;
};

/** Reads the list filters from a query string, ignoring anything not understood. */
export function parseAgreementFilters(params: Record<string, string | string[] | undefined>): AgreementFilters {
  const status = queryParam(params.status);
  const type = queryParam(params.type);
  const sort = queryParam(params.sort);
  const country = queryParam(params.country)?.toUpperCase();
  return {
    q: searchText(params.q),
    status: status && status in AgreementStatus ? (status as AgreementStatus) : undefined,
    type: type && type in RelationshipType ? (type as RelationshipType) : undefined,
    country: country && (/^[A-Z]{2}$/.test(country) || country === "NONE") ? country : undefined,
    sort: sort && sort in AGREEMENT_SORTS ? (sort as AgreementSort) : undefined,
    dormant: queryParam(params.dormant) === "1" || undefined,
  };
}

export async function agreementWhere(filters: AgreementFilters, now = new Date()): Promise<Prisma.AgreementWhereInput> {
  const where: Prisma.AgreementWhereInput = {
    status: filters.status,
    relationshipType: filters.type,
    partner: {
      country: filters.country === "NONE" ? null : filters.country,
      name: filters.q ? { contains: filters.q, mode: "insensitive" } : undefined,
    },
  };
  if (!filters.dormant) return where;
  const { dormancyMonths } = await getSettings();
  return { AND: [where, await dormantWhere(now, dormancyMonths)] };
}

export const agreementListSelect = {
  id: true,
  status: true,
  relationshipType: true,
  linkBegan: true,
  formalisedOn: true,
  reviewDate: true,
  createdAt: true,
  updatedAt: true,
  partner: { select: { name: true, country: true, slug: true } },
  proposals: { where: { state: "OPEN" }, select: { kind: true } },
} satisfies Prisma.AgreementSelect;

export type AgreementListRow = Prisma.AgreementGetPayload<{ select: typeof agreementListSelect }>;

export async function listAgreements(filters: AgreementFilters): Promise<Page<AgreementListRow & { dormant: boolean }>> {
  const page = filters.page ?? 1;
  const where = await agreementWhere(filters);
  const [items, total] = await Promise.all([
    db.agreement.findMany({
      where,
      select: agreementListSelect,
      orderBy: [AGREEMENT_SORTS[filters.sort ?? "partner"], { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    countAgreements(JSON.stringify({ ...filters, page: undefined, sort: undefined })),
  ]);
  const dormant = await dormantAmong(items);
  return pageOf(
    items.map((item) => ({ ...item, dormant: dormant.has(item.id) })),
    total,
    page,
  );
}

/**
 * How many agreements match the filters (given as JSON), kept a few seconds per filter: at scale
 * counting the active links reads most of the table, and paging through a list (or the next
 * officer opening it) need not count again. A write through the app counts afresh at once.
 */
const countAgreements = shortLived(5_000, async (filtersJson: string) => db.agreement.count({ where: await agreementWhere(JSON.parse(filtersJson) as AgreementFilters) }));

/** Countries that appear among the partners, for the filter: a GROUP BY (Prisma's `distinct` would fetch every partner), kept a minute. */
export const partnerCountries = shortLived(60_000, async (): Promise<string[]> => {
  const rows = await db.partner.groupBy({ by: ["country"], where: { country: { not: null } }, orderBy: { country: "asc" } });
  return rows.flatMap((row) => (row.country ? [row.country] : []));
});

export async function getAgreement(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.agreement.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      version: true,
      relationshipType: true,
      title: true,
      purpose: true,
      themes: true,
      linkBegan: true,
      formalisedOn: true,
      reviewDate: true,
      publicSummary: true,
      internalNotes: true,
      partnerDecisionDate: true,
      partnerDecisionReference: true,
      createdAt: true,
      updatedAt: true,
      leadOfficer: { select: { name: true } },
      partner: {
        select: { id: true, name: true, slug: true, country: true, region: true, kind: true, latitude: true, longitude: true, population: true, website: true },
      },
      proposals: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          state: true,
          reason: true,
          publicReason: true,
          reference: true,
          alternativesConsidered: true,
          conflictsOfInterest: true,
          backgroundPapers: true,
          createdAt: true,
          closedAt: true,
          proposer: { select: { id: true, name: true } },
        },
      },
      decisions: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          fromStatus: true,
          toStatus: true,
          reason: true,
          publicReason: true,
          reference: true,
          createdAt: true,
          proposalId: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
}

export type AgreementDetail = NonNullable<Awaited<ReturnType<typeof getAgreement>>>;

/** Existing partners to choose from when drafting. */
export function listPartnerChoices() {
  return db.partner.findMany({ select: { id: true, name: true, country: true }, orderBy: { name: "asc" }, take: 1000 });
}

/** Open proposals with their votes, for councillors to decide. */
export async function listOpenProposals() {
  return db.proposal.findMany({
    where: { state: "OPEN" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      reason: true,
      publicReason: true,
      reference: true,
      alternativesConsidered: true,
      conflictsOfInterest: true,
      backgroundPapers: true,
      createdAt: true,
      proposer: { select: { id: true, name: true } },
      agreement: { select: { id: true, status: true, relationshipType: true, partner: { select: { name: true, country: true } } } },
      decisions: {
        where: { kind: { in: ["APPROVED", "REJECTED"] } },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, reason: true, reference: true, createdAt: true, actor: { select: { id: true, name: true } } },
      },
    },
  });
}
