// RFC 9116: where to report a vulnerability (lib/domain/security-txt.ts). 404 until an admin sets
// the council's "Security contact" on /admin/settings: no made-up address is ever published.
import { connection } from "next/server";
import { getSettings } from "@/lib/data/settings";
import { securityTxt } from "@/lib/domain/security-txt";
import { siteOriginFrom } from "@/lib/web/request-context";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const { securityContact } = await getSettings();
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" };
  if (!securityContact) return new Response("No security contact is set for this site yet.\n", { status: 404, headers: { ...headers, "Cache-Control": "no-store" } });
  return new Response(securityTxt({ contact: securityContact, origin: siteOriginFrom(request.headers), now: new Date() }), { headers });
}
