// GET /admin/audit/export?user=…&action=…&from=…&to=…: the audit log with the page's filters, as
// CSV (lib/export/audit.ts). Admins only: the policy table's "audit:read", as the page.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { auditFilterSchema } from "@/lib/domain/validation/admin";
import { auditExportFileName, auditLogCsv } from "@/lib/export/audit";
import { EXPORT_CONTENT_TYPES } from "@/lib/export/agreements";

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(`${url.pathname}${url.search}`)}`, url), 303);
  if (!can(user, "audit:read")) {
    return new Response("You do not have permission to read the audit log.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  }
  // Filters that do not parse are ignored, as on the page.
  const filters = auditFilterSchema.parse({ user: url.searchParams.get("user") ?? undefined, action: url.searchParams.get("action") ?? undefined, from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  return new Response(await auditLogCsv(filters), {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES.csv,
      "Content-Disposition": `attachment; filename="${auditExportFileName(filters)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
