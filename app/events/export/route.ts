// GET /events/export?format=csv|xlsx&q=…&agreement=…&kind=…&from=…&to=…&visibility=…
// The events log, with the same filters as /events, every page, as a spreadsheet download.
import { parseEventFilters } from "@/lib/data/events";
import { eventsFile } from "@/lib/export/activity";
import { activityExportFileName } from "@/lib/export/activity-table";
import { spreadsheetDownload } from "@/lib/web/spreadsheet-download";

export function GET(request: Request): Promise<Response> {
  return spreadsheetDownload(request, {
    permission: "event:read",
    forbidden: "You do not have permission to see events.",
    parseFilters: parseEventFilters,
    file: eventsFile,
    fileName: (filters, format) => activityExportFileName("events", filters, format),
  });
}
