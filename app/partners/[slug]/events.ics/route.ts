import { connection } from "next/server";
import { getPublicPartner } from "@/lib/data/public";
import { getSettings } from "@/lib/data/settings";
import { partnerEvents } from "@/lib/data/whats-on";
import { siteOrigin } from "@/lib/web/request-context";
import { eventsCalendar } from "@/lib/open-data/events-feed";

type Params = { params: Promise<{ slug: string }> };

/** A public partner's own events as an iCalendar feed to subscribe to (the site's feed, of this partner). */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  await connection();
  let slug = (await params).slug;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // a malformed escape is simply a slug no partner has
  }
  const page = await getPublicPartner(slug);
  if (!page) return new Response("No public partner has this address.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const [{ councilName }, origin, { all }] = await Promise.all([getSettings(), siteOrigin(), partnerEvents(page.partner.slug)]);
  return new Response(eventsCalendar(all, { origin, councilName, partnerName: page.partner.name }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${page.partner.slug.replace(/[^a-z0-9-]/gi, "")}-events.ics"`,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
