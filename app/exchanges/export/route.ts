// GET /exchanges/export?format=csv|xlsx&q=…&agreement=…&kind=…&from=…&to=…&visibility=…
// The exchanges log, with the same filters as /exchanges, every page, as a spreadsheet download.
import { parseExchangeFilters } from "@/lib/data/exchanges";
import { exchangesFile } from "@/lib/export/activity";
import { activityExportFileName } from "@/lib/export/activity-table";
import { spreadsheetDownload } from "@/lib/web/spreadsheet-download";

export function GET(request: Request): Promise<Response> {
  return spreadsheetDownload(request, {
    permission: "exchange:read",
    forbidden: "You do not have permission to see exchanges.",
    parseFilters: parseExchangeFilters,
    file: exchangesFile,
    fileName: (filters, format) => activityExportFileName("exchanges", filters, format),
  });
}
