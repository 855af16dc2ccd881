// GET /admin/users/[id]/export: everything held about a user, as a JSON download (right of
// access; lib/admin/personal-data.ts). Admins only; each export is audited.
import { NextResponse } from "next/server";
import { z } from "zod";
import { exportUserData } from "@/lib/admin/export-user-data";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { AppError } from "@/lib/domain/errors";
import { clientAddress } from "@/lib/web/request-context";

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const url = new URL(request.url);
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(url.pathname)}`, url), 303);
  if (!can(user, "user:manage")) return plain(403, "You do not have permission to export a user's data.");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return plain(404, "No such user.");
  try {
    const data = await exportUserData(id, user, { ip: await clientAddress() });
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="personal-data-${id}.json"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return plain(404, "No such user.");
    throw error;
  }
}
