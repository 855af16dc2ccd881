import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { EventKind, type Visibility } from "@/generated/prisma/enums";
import { isPubliclyVisible } from "@/lib/domain/lifecycle";
import { isUuid, parseIsoDate, queryChoice } from "@/lib/domain/validation/fields";
import { dayAfter, parseActivityFilters } from "./exchanges";
import { pageOf, PAGE_SIZE, type Page } from "../domain/pagination";

export type EventFilters = {
  q?: string;
  agreement?: string;
  kind?: EventKind;
  from?: string;
  to?: string;
  visibility?: Visibility;
  page?: number;
};

export function parseEventFilters(params: Record<string, string | string[] | undefined>): EventFilters {
  return { ...parseActivityFilters(params), kind: queryChoice(params.kind, EventKind) };
}

function eventWhere(filters: EventFilters): Prisma.EventWhereInput {
  const and: Prisma.EventWhereInput[] = [];
  if (filters.to) and.push({ startsAt: { lt: dayAfter(filters.to) } });
  if (filters.from) {
    const from = parseIsoDate(filters.from) as Date;
    and.push({ OR: [{ endsAt: { gte: from } }, { endsAt: null, startsAt: { gte: from } }] });
  }
  if (filters.q) {
    and.push({
      OR: [
        { title: { contains: filters.q, mode: "insensitive" } },
        { place: { contains: filters.q, mode: "insensitive" } },
        { agreement: { partner: { name: { contains: filters.q, mode: "insensitive" } } } },
      ],
    });
  }
  return { agreementId: filters.agreement, kind: filters.kind, visibility: filters.visibility, AND: and };
}

/** What every list of events shows of one: the staff log, the edit form and the public partner page. */
export const eventSummarySelect = {
  title: true,
  kind: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  place: true,
} satisfies Prisma.EventSelect;

const eventListSelect = {
  id: true,
  ...eventSummarySelect,
  visibility: true,
  cancelledAt: true,
  agreement: { select: { id: true, partner: { select: { name: true } } } },
} satisfies Prisma.EventSelect;

export type EventListRow = Prisma.EventGetPayload<{ select: typeof eventListSelect }>;

export async function listEvents(filters: EventFilters): Promise<Page<EventListRow>> {
  const page = filters.page ?? 1;
  const where = eventWhere(filters);
  const [items, total] = await Promise.all([
    db.event.findMany({ where, select: eventListSelect, orderBy: [{ startsAt: "desc" }, { id: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.event.count({ where }),
  ]);
  return pageOf(items, total, page);
}

const eventExportSelect = {
  ...eventSummarySelect,
  description: true,
  visibility: true,
  cancelledAt: true,
  agreement: { select: { title: true, partner: { select: { name: true, country: true } } } },
} satisfies Prisma.EventSelect;

export type EventExportRow = Prisma.EventGetPayload<{ select: typeof eventExportSelect }>;

/** Every event the list's filters match, in the list's order (no page): the export's rows. */
export function listEventsForExport(filters: EventFilters): Promise<EventExportRow[]> {
  return db.event.findMany({ where: eventWhere(filters), select: eventExportSelect, orderBy: [{ startsAt: "desc" }, { id: "asc" }] });
}

/** One event, as its edit form needs it, with its cancellation when it was cancelled. */
export function getEvent(id: string) {
  if (!isUuid(id)) return null;
  return db.event.findUnique({
    where: { id },
    select: {
      id: true,
      agreementId: true,
      ...eventSummarySelect,
      description: true,
      visibility: true,
      updatedAt: true,
      cancelledAt: true,
      cancellationReason: true,
      cancellationPublicReason: true,
      cancelledBy: { select: { name: true } },
    },
  });
}

/**
 * Every public event, for the iCalendar feed: only what the public may see (of a cancellation,
 * when and the public reason). The partner's slug is given only when its partner page is public.
 */
export async function listPublicEventsForFeed() {
  const rows = await db.event.findMany({
    where: { visibility: "PUBLIC" },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      place: true,
      description: true,
      createdAt: true,
      updatedAt: true,
      sequence: true,
      cancelledAt: true,
      cancellationPublicReason: true,
      agreement: { select: { status: true, partner: { select: { name: true, slug: true } } } },
    },
  });
  return rows.map(({ agreement, ...event }) => {
    const isPublic = agreement !== null && isPubliclyVisible(agreement.status);
    return { ...event, partner: isPublic ? { name: agreement.partner.name, slug: agreement.partner.slug } : null };
  });
}

export type FeedEvent = Awaited<ReturnType<typeof listPublicEventsForFeed>>[number];
