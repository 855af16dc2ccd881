// GET /reports/<year>/report.docx: the annual report as staff read it, as a Word document for the
// committee's template (lib/export/annual-report-docx.ts). Signed in, like /reports/<year>.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getAnnualReport, reportYear } from "@/lib/data/annual-report";
import { getSettings } from "@/lib/data/settings";
import { can } from "@/lib/domain/permissions";
import { annualReportDocx, DOCX_CONTENT_TYPE, docxFileName } from "@/lib/export/annual-report-docx";
import { getPageLocale } from "@/lib/i18n/server";

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }): Promise<Response> {
  const url = new URL(request.url);
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(url.pathname)}`, url), 303);
  if (!can(user, "agreement:read")) return plain(403, "You do not have permission to read the annual report.");
  const year = reportYear((await params).year);
  if (year === null) return plain(404, "There is no annual report for that year.");
  const [report, locale, { councilName }] = await Promise.all([getAnnualReport(year), getPageLocale(), getSettings()]);
  const bytes = await annualReportDocx(report, locale, { councilName });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": DOCX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${docxFileName(year)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
