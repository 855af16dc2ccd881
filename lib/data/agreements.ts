import "server-only";
import { memoUntilChanged } from "@/lib/cache";
import { db } from "@/lib/db";
import { countriesMatching, searchPattern, themesMatching } from "@/lib/domain/agreement-search";
import { REVIEW_WINDOW_DAYS } from "@/lib/domain/lifecycle";
import type { Locale } from "@/lib/i18n/locales";
import { isUuid, queryChoice, queryParam, searchText } from "@/lib/domain/validation/fields";
import { Prisma } from "@/generated/prisma/client";
import { AgreementStatus, RelationshipType, type ProposalKind } from "@/generated/prisma/enums";
import { spendByCurrency } from "@/lib/exchanges/activity-summary";
import { dormantCondition } from "./activity";
import { pageOf, PAGE_SIZE, type Page } from "../domain/pagination";
import { getSettings } from "./settings";

/** The list's orders, over "Agreement" AS a joined to its "Partner" AS p; ties go by id. */
export const AGREEMENT_SORTS = {
  partner: Prisma.sql`p."name" ASC`,
  country: Prisma.sql`p."country" ASC`,
  since: Prisma.sql`a."linkBegan" ASC`,
  review: Prisma.sql`a."reviewDate" ASC`,
  status: Prisma.sql`a."status" ASC`,
  updated: Prisma.sql`a."updatedAt" DESC`,
} as const satisfies Record<string, Prisma.Sql>;

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
  /** The page's language: `q` also finds countries and themes by their names in it (and in English). */
  locale?: Locale;
};

/** Reads the list filters from a query string, ignoring anything not understood. */
export function parseAgreementFilters(params: Record<string, string | string[] | undefined>): AgreementFilters {
  const country = queryParam(params.country)?.toUpperCase();
  return {
    q: searchText(params.q),
    status: queryChoice(params.status, AgreementStatus),
    type: queryChoice(params.type, RelationshipType),
    country: country && (/^[A-Z]{2}$/.test(country) || country === "NONE") ? country : undefined,
    sort: queryChoice(params.sort, AGREEMENT_SORTS),
    dormant: queryParam(params.dormant) === "1" || undefined,
  };
}

/**
 * The search: the partner's name (or its own-language name), the agreement's title, the region, or
 * a country or theme by its name (lib/domain/agreement-search.ts gives their codes).
 */
function searchCondition(q: string, locale: Locale = "en"): Prisma.Sql {
  const pattern = searchPattern(q);
  const matches = [Prisma.sql`p."name" ILIKE ${pattern}`, Prisma.sql`p."localName" ILIKE ${pattern}`, Prisma.sql`a."title" ILIKE ${pattern}`, Prisma.sql`p."region" ILIKE ${pattern}`];
  const countries = countriesMatching(q, locale);
  if (countries.length > 0) matches.push(Prisma.sql`p."country" IN (${Prisma.join(countries)})`);
  const themes = themesMatching(q, locale);
  if (themes.length > 0) matches.push(Prisma.sql`a."themes" && ARRAY[${Prisma.join(themes)}]::"Theme"[]`);
  return Prisma.sql`(${Prisma.join(matches, " OR ")})`;
}

/** The filters as a SQL condition over "Agreement" AS a and its "Partner" AS p. */
async function agreementCondition(filters: AgreementFilters, now: Date, dormant?: Prisma.Sql): Promise<Prisma.Sql> {
  const conditions: Prisma.Sql[] = [];
  if (filters.status) conditions.push(Prisma.sql`a."status" = ${filters.status}::"AgreementStatus"`);
  if (filters.type) conditions.push(Prisma.sql`a."relationshipType" = ${filters.type}::"RelationshipType"`);
  if (filters.country === "NONE") conditions.push(Prisma.sql`p."country" IS NULL`);
  else if (filters.country) conditions.push(Prisma.sql`p."country" = ${filters.country}`);
  if (filters.q) conditions.push(searchCondition(filters.q, filters.locale));
  if (filters.dormant) conditions.push(dormant ?? (await dormantCondition(now, (await getSettings()).dormancyMonths)));
  return conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/**
 * The review-due rule over "Agreement" AS a: Active or Suspended, with a review date within
 * REVIEW_WINDOW_DAYS of `now` or past. The dashboard and the weekly digest share it.
 */
export function reviewDueCondition(now: Date): Prisma.Sql {
  const reviewBy = new Date(now.getTime() + REVIEW_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  return Prisma.sql`a."status" IN ('ACTIVE', 'SUSPENDED') AND a."reviewDate" <= ${reviewBy}::date`;
}

/**
 * The agreements that match the filters, in the list's order: `columns` over a and p, a page of
 * them or (no `page`) all; `dormant`, the dormancy condition when the caller has it already.
 * Raw SQL: one join to Partner serves both the filter and the order, so PostgreSQL walks the
 * (country, name) or name index and stops after the page, where Prisma's two joins made it sort
 * every match (the figures: README, Performance).
 */
export async function selectAgreements<Row>(
  columns: Prisma.Sql,
  filters: AgreementFilters,
  { page, now = new Date(), dormant }: { page?: { skip: number; take: number }; now?: Date; dormant?: Prisma.Sql } = {},
): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT ${columns}
    FROM "Agreement" a JOIN "Partner" p ON p."id" = a."partnerId"
    WHERE ${await agreementCondition(filters, now, dormant)}
    ORDER BY ${AGREEMENT_SORTS[filters.sort ?? "partner"]}, a."id" ASC
    ${page ? Prisma.sql`LIMIT ${page.take} OFFSET ${page.skip}` : Prisma.empty}`;
}

export type AgreementListRow = {
  id: string;
  status: AgreementStatus;
  relationshipType: RelationshipType;
  linkBegan: Date | null;
  formalisedOn: Date | null;
  reviewDate: Date | null;
  partner: { name: string; country: string | null; slug: string };
  /** What an open proposal would do to it (the oldest, if several). */
  openProposal: ProposalKind | null;
  /** Active with no exchange or event within the council's dormancy window. */
  dormant: boolean;
};

type ListSqlRow = Omit<AgreementListRow, "partner"> & { partnerName: string; partnerCountry: string | null; partnerSlug: string };

/** One page of the list in one statement: each row with its partner, open proposal and dormancy. */
export async function listAgreements(filters: AgreementFilters): Promise<Page<AgreementListRow>> {
  const page = filters.page ?? 1;
  const now = new Date();
  const dormant = await dormantCondition(now, (await getSettings()).dormancyMonths);
  const [rows, total] = await Promise.all([
    selectAgreements<ListSqlRow>(
      Prisma.sql`a."id"::text AS "id", a."status"::text AS "status", a."relationshipType"::text AS "relationshipType",
        a."linkBegan", a."formalisedOn", a."reviewDate",
        p."name" AS "partnerName", p."country"::text AS "partnerCountry", p."slug" AS "partnerSlug",
        (SELECT pr."kind"::text FROM "Proposal" pr WHERE pr."agreementId" = a."id" AND pr."state" = 'OPEN' ORDER BY pr."createdAt" LIMIT 1) AS "openProposal",
        (${dormant}) IS TRUE AS "dormant"`,
      filters,
      { page: { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }, now, dormant },
    ),
    countAgreements(JSON.stringify({ ...filters, page: undefined, sort: undefined })),
  ]);
  const items = rows.map(({ partnerName, partnerCountry, partnerSlug, ...row }) => ({ ...row, partner: { name: partnerName, country: partnerCountry, slug: partnerSlug } }));
  return pageOf(items, total, page);
}

/**
 * How many agreements match the filters (given as JSON), kept per filter until the register
 * changes (lib/cache), or 5 seconds (a review falls due with time): at scale counting the active
 * links reads most of the table, and paging through a list (or the next officer opening it) need
 * not count again.
 */
const countAgreements = memoUntilChanged({ topics: ["links", "activity", "settings"], maxEntries: 200, maxAgeMs: 5_000 }, async (filtersJson: string) => {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT COUNT(*)::int AS "count" FROM "Agreement" a JOIN "Partner" p ON p."id" = a."partnerId"
    WHERE ${await agreementCondition(JSON.parse(filtersJson) as AgreementFilters, new Date())}`;
  return row?.count ?? 0;
});

/** Countries that appear among the partners, for the filter: a GROUP BY (Prisma's `distinct` would fetch every partner), kept until a partner changes. */
export const partnerCountries = memoUntilChanged({ topics: ["links"], maxEntries: 1 }, async (): Promise<string[]> => {
  const rows = await db.partner.groupBy({ by: ["country"], where: { country: { not: null } }, orderBy: { country: "asc" } });
  return rows.flatMap((row) => (row.country ? [row.country] : []));
});

/** A proposal's case, as the agreement page and the approvals page show it. */
const proposalCaseSelect = {
  reason: true,
  publicReason: true,
  reference: true,
  alternativesConsidered: true,
  conflictsOfInterest: true,
  backgroundPapers: true,
  // How it is decided, and by whom (lib/domain/decision-routes.ts).
  proposerId: true,
  decisionRoute: true,
  executiveMemberId: true,
  executiveMember: { select: { name: true } },
  delegation: true,
  meetingName: true,
  meetingDate: true,
  minuteReference: true,
  meetingUrl: true,
} satisfies Prisma.ProposalSelect;

/** A decision as the timeline shows it (components/timeline.tsx). */
const timelineDecisionSelect = {
  id: true,
  kind: true,
  fromStatus: true,
  toStatus: true,
  reason: true,
  publicReason: true,
  reference: true,
  createdAt: true,
  actor: { select: { name: true } },
  // The partner council's own answer (actor kind: the partner): who answered, as copied from the contact.
  partnerAnswer: { select: { contactName: true, contactOrganisation: true } },
  review: { select: { outcome: true, nextReviewDate: true } },
  partnerConfirmation: { select: { partnerDecisionDate: true, partnerDecisionReference: true } },
  changes: true,
  // The fields whose text was erased (lib/decisions/erase-field.ts): the timeline says when.
  fields: { where: { erasedAt: { not: null } }, select: { field: true, erasedAt: true } },
} satisfies Prisma.DecisionSelect;

export async function getAgreement(id: string) {
  if (!isUuid(id)) return null;
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
      leadOfficerId: true,
      leadOfficer: { select: { name: true } },
      partner: {
        select: { id: true, name: true, slug: true, country: true, region: true, kind: true, latitude: true, longitude: true, population: true, website: true, localName: true, localNameLanguage: true, wikidataId: true, feedUrl: true },
      },
      proposals: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          state: true,
          ...proposalCaseSelect,
          // A rejected amendment's proposed terms: resubmitting starts from them.
          changes: true,
          createdAt: true,
          closedAt: true,
          // Call-in (docs/decisions/023-call-in.md): a decision waiting holds the agreement.
          callIn: true,
          proposer: { select: { id: true, name: true } },
        },
      },
      decisions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { ...timelineDecisionSelect, proposalId: true } },
    },
  });
}

export type AgreementDetail = NonNullable<Awaited<ReturnType<typeof getAgreement>>>;

/** Existing partners to choose from when drafting. */
export function listPartnerChoices() {
  return db.partner.findMany({ select: { id: true, name: true, country: true }, orderBy: { name: "asc" }, take: 1000 });
}


/**
 * Open proposals with what a councillor needs to decide them: the case and votes, the agreement's
 * terms and partner, its earlier decisions and rejected proposals, and the cost of its exchanges
 * so far (one total per currency). A fixed number of statements however many proposals: Prisma
 * reads each nested relation for all of them at once.
 */
export async function listOpenProposals() {
  const proposals = await db.proposal.findMany({
    where: { state: "OPEN" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      ...proposalCaseSelect,
      changes: true,
      createdAt: true,
      proposer: { select: { id: true, name: true } },
      agreement: {
        select: {
          id: true,
          status: true,
          relationshipType: true,
          title: true,
          purpose: true,
          publicSummary: true,
          themes: true,
          partnerDecisionDate: true,
          partnerDecisionReference: true,
          partner: { select: { name: true, country: true, region: true, localName: true, localNameLanguage: true } },
          exchanges: { where: { cost: { not: null } }, select: { cost: true, currency: true } },
          decisions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: timelineDecisionSelect },
          // What councillors decided before on this link: earlier proposals they rejected, with every vote.
          proposals: {
            where: { state: "REJECTED" },
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              kind: true,
              reason: true,
              closedAt: true,
              proposer: { select: { name: true } },
              decisions: { where: { kind: { in: ["APPROVED", "REJECTED"] } }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, reason: true, actor: { select: { name: true } } } },
            },
          },
        },
      },
      decisions: {
        where: { kind: { in: ["APPROVED", "REJECTED"] } },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, reason: true, reference: true, createdAt: true, actor: { select: { id: true, name: true } } },
      },
    },
  });
  return proposals.map(({ agreement: { exchanges, ...agreement }, ...proposal }) => ({
    ...proposal,
    agreement: { ...agreement, costs: spendByCurrency(exchanges.map((exchange) => ({ cost: exchange.cost?.toFixed(2) ?? null, currency: exchange.currency }))) },
  }));
}
