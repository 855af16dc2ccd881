// The exchanges and events exports: each log's own filters and order (lib/data), every page.
import "server-only";
import { listEventsForExport, type EventFilters } from "@/lib/data/events";
import { listExchangesForExport, type ExchangeFilters } from "@/lib/data/exchanges";
import type { ExportFormat } from "./agreement-table";
import { eventTable, EVENTS_HEADER, exchangeTable, EXCHANGES_HEADER } from "./activity-table";
import { toCsv } from "./spreadsheet-safety";
import { toXlsx } from "./xlsx";

/** The file's bytes: CSV with a byte order mark (as the agreements export), or a workbook. */
export async function exchangesFile(filters: ExchangeFilters, format: ExportFormat): Promise<Uint8Array | string> {
  const rows = exchangeTable(await listExchangesForExport(filters));
  return format === "xlsx" ? toXlsx("Exchanges", EXCHANGES_HEADER, rows) : toCsv(EXCHANGES_HEADER, rows, { bom: true });
}

export async function eventsFile(filters: EventFilters, format: ExportFormat): Promise<Uint8Array | string> {
  const rows = eventTable(await listEventsForExport(filters));
  return format === "xlsx" ? toXlsx("Events", EVENTS_HEADER, rows) : toCsv(EVENTS_HEADER, rows, { bom: true });
}
