// GET /agreements/export?format=csv|xlsx&q=…&status=…&country=…&type=…&sort=…
// The agreements list, with the same filters as /agreements, as a spreadsheet download.
import { parseAgreementFilters } from "@/lib/data/agreements";
import { exportFileName } from "@/lib/export/agreement-table";
import { agreementsFile } from "@/lib/export/agreements";
import { spreadsheetDownload } from "@/lib/web/spreadsheet-download";

export function GET(request: Request): Promise<Response> {
  return spreadsheetDownload(request, {
    permission: "agreement:export",
    forbidden: "You do not have permission to export agreements.",
    parseFilters: parseAgreementFilters,
    file: agreementsFile,
    fileName: (filters, format) => exportFileName(filters, format),
  });
}
