import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { ExchangeKind, Visibility } from "@/generated/prisma/enums";
import { EXCHANGE_AGREEMENT_STATUSES } from "@/lib/exchanges/guards";
import { isUuid, parseIsoDate, queryChoice, queryParam, searchText } from "@/lib/domain/validation/fields";
import { pageOf, PAGE_SIZE, type Page } from "../domain/pagination";

/** What every list of exchanges shows of one: the staff log, the edit form and the public partner page. */
export const exchangeSummarySelect = {
  kind: true,
  direction: true,
  startDate: true,
  endDate: true,
  participantCount: true,
  participantsDescription: true,
} satisfies Prisma.ExchangeSelect;

/** An exchange's own fields, as the edit form and the agreement's activity read them. */
export const exchangeFieldsSelect = {
  ...exchangeSummarySelect,
  cost: true,
  currency: true,
  fundingSource: true,
  purpose: true,
  outcomes: true,
  visibility: true,
} satisfies Prisma.ExchangeSelect;

export type ExchangeFilters = {
  q?: string;
  agreement?: string;
  kind?: ExchangeKind;
  from?: string;
  to?: string;
  visibility?: Visibility;
  page?: number;
};

type Params = Record<string, string | string[] | undefined>;

/** The filters both logs share: partner or title text, agreement, date range and visibility. Anything not understood is ignored. */
export function parseActivityFilters(params: Params) {
  const agreement = queryParam(params.agreement);
  const from = queryParam(params.from);
  const to = queryParam(params.to);
  return {
    q: searchText(params.q),
    agreement: agreement && isUuid(agreement) ? agreement.toLowerCase() : undefined,
    from: from && parseIsoDate(from) ? from : undefined,
    to: to && parseIsoDate(to) ? to : undefined,
    visibility: queryChoice(params.visibility, Visibility),
  };
}

export function parseExchangeFilters(params: Params): ExchangeFilters {
  return { ...parseActivityFilters(params), kind: queryChoice(params.kind, ExchangeKind) };
}

/** The day after a YYYY-MM-DD date, at UTC midnight: "to" includes the whole of its day. */
export function dayAfter(date: string): Date {
  const day = parseIsoDate(date) as Date;
  return new Date(day.getTime() + 24 * 60 * 60 * 1000);
}

function exchangeWhere(filters: ExchangeFilters): Prisma.ExchangeWhereInput {
  const and: Prisma.ExchangeWhereInput[] = [];
  // A date range matches exchanges that overlap it, so a week-long visit across the start still shows.
  if (filters.to) and.push({ startDate: { lt: dayAfter(filters.to) } });
  if (filters.from) {
    const from = parseIsoDate(filters.from) as Date;
    and.push({ OR: [{ endDate: { gte: from } }, { endDate: null, startDate: { gte: from } }] });
  }
  if (filters.q) {
    and.push({
      OR: [
        { agreement: { partner: { name: { contains: filters.q, mode: "insensitive" } } } },
        { agreement: { title: { contains: filters.q, mode: "insensitive" } } },
        { participantsDescription: { contains: filters.q, mode: "insensitive" } },
      ],
    });
  }
  return { agreementId: filters.agreement, kind: filters.kind, visibility: filters.visibility, AND: and };
}

const exchangeListSelect = {
  id: true,
  ...exchangeSummarySelect,
  cost: true,
  currency: true,
  visibility: true,
  agreement: { select: { id: true, status: true, partner: { select: { name: true } } } },
} satisfies Prisma.ExchangeSelect;

type ExchangeRow = Prisma.ExchangeGetPayload<{ select: typeof exchangeListSelect }>;
export type ExchangeListRow = Omit<ExchangeRow, "cost"> & { cost: string | null };

export async function listExchanges(filters: ExchangeFilters): Promise<Page<ExchangeListRow>> {
  const page = filters.page ?? 1;
  const where = exchangeWhere(filters);
  const [rows, total] = await Promise.all([
    db.exchange.findMany({ where, select: exchangeListSelect, orderBy: [{ startDate: "desc" }, { createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.exchange.count({ where }),
  ]);
  return pageOf(
    rows.map((row) => ({ ...row, cost: row.cost?.toFixed(2) ?? null })),
    total,
    page,
  );
}

const exchangeExportSelect = {
  ...exchangeFieldsSelect,
  agreement: { select: { title: true, partner: { select: { name: true, country: true } } } },
} satisfies Prisma.ExchangeSelect;

export type ExchangeExportRow = Prisma.ExchangeGetPayload<{ select: typeof exchangeExportSelect }>;

/** Every exchange the list's filters match, in the list's order (no page): the export's rows. */
export function listExchangesForExport(filters: ExchangeFilters): Promise<ExchangeExportRow[]> {
  return db.exchange.findMany({ where: exchangeWhere(filters), select: exchangeExportSelect, orderBy: [{ startDate: "desc" }, { createdAt: "desc" }, { id: "asc" }] });
}

/** One exchange, as its edit form needs it. */
export async function getExchange(id: string) {
  if (!isUuid(id)) return null;
  const row = await db.exchange.findUnique({
    where: { id },
    select: {
      id: true,
      agreementId: true,
      ...exchangeFieldsSelect,
      updatedAt: true,
      agreement: { select: { status: true, partner: { select: { name: true } } } },
    },
  });
  return row ? { ...row, cost: row.cost?.toFixed(2) ?? null } : null;
}

const choiceSelect = { id: true, status: true, title: true, partner: { select: { name: true } } } satisfies Prisma.AgreementSelect;

/** Agreements an exchange may be logged under (Active or Suspended), plus the one it is under now. */
export function listExchangeAgreementChoices(currentId?: string) {
  return db.agreement.findMany({
    where: { OR: [{ status: { in: [...EXCHANGE_AGREEMENT_STATUSES] } }, ...(currentId ? [{ id: currentId }] : [])] },
    select: choiceSelect,
    orderBy: { partner: { name: "asc" } },
    take: 1000,
  });
}

/** Agreements an event may be tied to (any but a withdrawn draft), plus the one it is tied to now. */
export function listEventAgreementChoices(currentId?: string | null) {
  return db.agreement.findMany({
    where: { OR: [{ status: { not: "WITHDRAWN" } }, ...(currentId ? [{ id: currentId }] : [])] },
    select: choiceSelect,
    orderBy: { partner: { name: "asc" } },
    take: 1000,
  });
}

/** Every agreement, for the filter of both logs. */
export function listAgreementFilterChoices() {
  return db.agreement.findMany({ select: choiceSelect, orderBy: { partner: { name: "asc" } }, take: 1000 });
}
