// The exchanges and events logs as tables for a spreadsheet: the columns of their CSV and XLSX
// exports, the file's name and the download link. Pure, so the layout is tested without a database.
import type { EventKind, ExchangeKind, Visibility } from "@/generated/prisma/enums";
import { countryName } from "@/lib/domain/countries";
import { DIRECTION_LABELS, EVENT_KIND_LABELS, EXCHANGE_KIND_LABELS, FUNDING_SOURCE_LABELS, VISIBILITY_LABELS } from "@/lib/domain/labels";
import { slugify } from "@/lib/domain/partner-identity";
import { utcToZonedWallTime } from "@/lib/events/zoned-time";
import type { EventExportRow } from "@/lib/data/events";
import type { ExchangeExportRow } from "@/lib/data/exchanges";
import { londonDate, type ExportFormat } from "./agreement-table";

export type ActivityNoun = "exchanges" | "events";

/** The filters both logs share (lib/data/exchanges.ts parseActivityFilters), with the log's own kind. */
export type ActivityExportFilters = {
  q?: string;
  agreement?: string;
  kind?: ExchangeKind | EventKind;
  from?: string;
  to?: string;
  visibility?: Visibility;
};

export type ActivityCell = string | number | Date | null;

export const EXCHANGES_HEADER = [
  "Start date",
  "End date",
  "Partner",
  "Country",
  "Agreement",
  "Kind",
  "Direction",
  "Participants",
  "Participants description",
  "Cost",
  "Currency",
  "Funding source",
  "Purpose",
  "Outcomes",
  "Visibility",
] as const;

/** One row per exchange, in the log's order; the cost a number (a workbook can sum it), its currency beside it. */
export function exchangeTable(exchanges: readonly ExchangeExportRow[]): ActivityCell[][] {
  return exchanges.map((exchange) => [
    exchange.startDate,
    exchange.endDate,
    exchange.agreement.partner.name,
    exchange.agreement.partner.country ? countryName(exchange.agreement.partner.country) : "",
    exchange.agreement.title,
    EXCHANGE_KIND_LABELS[exchange.kind],
    DIRECTION_LABELS[exchange.direction],
    exchange.participantCount,
    exchange.participantsDescription,
    exchange.cost === null ? null : Number(exchange.cost.toFixed(2)),
    exchange.currency,
    exchange.fundingSource ? FUNDING_SOURCE_LABELS[exchange.fundingSource] : "",
    exchange.purpose,
    exchange.outcomes,
    VISIBILITY_LABELS[exchange.visibility],
  ]);
}

export const EVENTS_HEADER = ["Starts (local time)", "Ends (local time)", "Time zone", "Title", "Kind", "Partner", "Place", "Description", "Visibility", "Cancelled"] as const;

/** One row per event, in the log's order; times are the wall-clock times where the event is held, with that zone. */
export function eventTable(events: readonly EventExportRow[]): ActivityCell[][] {
  return events.map((event) => [
    utcToZonedWallTime(event.startsAt, event.timeZone).replace("T", " "),
    event.endsAt ? utcToZonedWallTime(event.endsAt, event.timeZone).replace("T", " ") : "",
    event.timeZone,
    event.title,
    EVENT_KIND_LABELS[event.kind],
    event.agreement?.partner.name ?? "",
    event.place,
    event.description,
    VISIBILITY_LABELS[event.visibility],
    event.cancelledAt ? "Cancelled" : "",
  ]);
}

const KIND_LABELS = { exchanges: EXCHANGE_KIND_LABELS, events: EVENT_KIND_LABELS } as const;

/** "exchanges-school-visit-2026-01-01-to-2026-12-31-2026-12-04.csv": the filters that shaped the file, then the day. */
export function activityExportFileName(noun: ActivityNoun, filters: ActivityExportFilters, format: ExportFormat, now = new Date()): string {
  const kindLabels: Record<string, string> = KIND_LABELS[noun];
  const parts = [
    filters.kind && kindLabels[filters.kind] ? slugify(kindLabels[filters.kind]!) : null,
    filters.visibility ? filters.visibility.toLowerCase() : null,
    filters.from ? `from-${filters.from}` : null,
    filters.to ? `to-${filters.to}` : null,
    filters.q ? slugify(filters.q).replace(/[^a-z0-9-]/g, "").slice(0, 30) || null : null,
  ].filter((part): part is string => Boolean(part));
  return `${[noun, ...parts, londonDate(now)].join("-")}.${format}`;
}

/** The download link for the log as filtered now: /exchanges/export?format=csv&kind=… (no page: the export is every page). */
export function activityExportHref(noun: ActivityNoun, filters: ActivityExportFilters, format: ExportFormat): string {
  const query = new URLSearchParams({ format });
  for (const key of ["q", "agreement", "kind", "from", "to", "visibility"] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  return `/${noun}/export?${query.toString()}`;
}
