// GET /agreements/export?format=csv|xlsx&q=…&status=…&country=…&type=…&sort=…
// The agreements list, with the same filters as /agreements, as a spreadsheet download.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { parseAgreementFilters } from "@/lib/data/agreements";
import { exportFileName, type ExportFormat } from "@/lib/export/agreement-table";
import { agreementsFile, EXPORT_CONTENT_TYPES } from "@/lib/export/agreements";
import { can } from "@/lib/domain/permissions";

const FORMATS: readonly ExportFormat[] = ["csv", "xlsx"];

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const user = await getCurrentUser();
  if (!user) {
    const back = `${url.pathname}${url.search}`;
    return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(back)}`, url), 303);
  }
  if (!can(user, "agreement:export")) return plain(403, "You do not have permission to export agreements.");

  const format = (url.searchParams.get("format") ?? "csv").toLowerCase();
  if (!FORMATS.includes(format as ExportFormat)) return plain(400, "Choose format=csv or format=xlsx.");

  // A Map, not an object: a parameter named "constructor" or "__proto__" is no array to push to.
  const params = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) params.set(key, [...(params.get(key) ?? []), value]);
  const filters = parseAgreementFilters(Object.fromEntries(params));
  const body = await agreementsFile(filters, format as ExportFormat);
  return new Response(typeof body === "string" ? body : Buffer.from(body), {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format as ExportFormat],
      "Content-Disposition": `attachment; filename="${exportFileName(filters, format as ExportFormat)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
