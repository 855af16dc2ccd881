// GET /annual-report/<year>/report.docx: the published annual report (its snapshot, decision 024)
// as a Word document. Public; 404 for a year that is not published.
import { reportYear } from "@/lib/data/annual-report";
import { getPublishedReport } from "@/lib/data/published-reports";
import { getSettings } from "@/lib/data/settings";
import { annualReportDocx, DOCX_CONTENT_TYPE, docxFileName } from "@/lib/export/annual-report-docx";
import { getPageLocale } from "@/lib/i18n/server";

export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }): Promise<Response> {
  const year = reportYear((await params).year);
  const found = year === null ? null : await getPublishedReport(year);
  if (!found) return new Response("There is no published annual report for that year.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const [locale, { councilName }] = await Promise.all([getPageLocale(), getSettings()]);
  const bytes = await annualReportDocx(found.report, locale, { councilName, publishedAt: found.publishedAt });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": DOCX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${docxFileName(found.report.year)}"`,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
