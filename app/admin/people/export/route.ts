// GET /admin/people/export?email=…: everything held about a person found by email (a contact of a
// link without an account, or a user), as a JSON download (right of access; lib/admin/personal-data.ts).
// Admins only; each export is audited.
import { NextResponse } from "next/server";
import { exportPersonByEmail } from "@/lib/admin/person-by-email";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/permissions";
import { personEmailSchema } from "@/lib/domain/validation/contacts";
import { clientAddress } from "@/lib/web/request-context";

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(url.pathname)}`, url), 303);
  if (!can(user, "user:manage")) return plain(403, "You do not have permission to export a person's data.");
  const parsed = personEmailSchema.safeParse({ email: url.searchParams.get("email") ?? "" });
  if (!parsed.success) return plain(400, "Give the person's email address: ?email=name@example.org");
  try {
    const data = await exportPersonByEmail(parsed.data.email, user, { ip: await clientAddress() });
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="personal-data.json"',
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return plain(404, "Nobody with that email was found.");
    throw error;
  }
}
