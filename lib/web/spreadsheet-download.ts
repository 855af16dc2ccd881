// One spreadsheet download route: sign-in (a visitor is sent to log in and back), the permission,
// format=csv|xlsx, the list's filters from the query, then the file with its name. The agreements,
// exchanges and events exports share it.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/domain/permissions";
import type { ExportFormat } from "@/lib/export/agreement-table";
import { EXPORT_CONTENT_TYPES } from "@/lib/export/agreements";

export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "xlsx"];

type QueryParams = Record<string, string | string[] | undefined>;

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export async function spreadsheetDownload<F>(
  request: Request,
  spec: {
    permission: Permission;
    forbidden: string;
    parseFilters: (params: QueryParams) => F;
    file: (filters: F, format: ExportFormat) => Promise<Uint8Array | string>;
    fileName: (filters: F, format: ExportFormat) => string;
  },
): Promise<Response> {
  const url = new URL(request.url);
  const user = await getCurrentUser();
  if (!user) {
    const back = `${url.pathname}${url.search}`;
    return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(back)}`, url), 303);
  }
  if (!can(user, spec.permission)) return plain(403, spec.forbidden);

  const format = (url.searchParams.get("format") ?? "csv").toLowerCase() as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) return plain(400, "Choose format=csv or format=xlsx.");

  // A Map, not an object: a parameter named "constructor" or "__proto__" is no array to push to.
  const params = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) params.set(key, [...(params.get(key) ?? []), value]);
  const filters = spec.parseFilters(Object.fromEntries(params));
  const body = await spec.file(filters, format);
  return new Response(typeof body === "string" ? body : Buffer.from(body), {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${spec.fileName(filters, format)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
