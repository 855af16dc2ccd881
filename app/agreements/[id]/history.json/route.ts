// GET /agreements/<id>/history.json: one link's whole public and internal record as one file, for
// a freedom-of-information answer (lib/data/agreement-history.ts). Officers and admins only.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getAgreementHistory, historyJson } from "@/lib/data/agreement-history";
import { can } from "@/lib/domain/permissions";

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const url = new URL(request.url);
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(url.pathname)}`, url), 303);
  if (!can(user, "agreement:history")) return plain(403, "You do not have permission to export a link's history.");
  const { id } = await params;
  const history = await getAgreementHistory(id);
  if (!history) return plain(404, "There is no such link.");
  return new Response(historyJson(history), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="link-history-${history.agreement.partner.slug}-${history.generatedAt.slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
