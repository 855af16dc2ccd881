import "server-only";
import { headers } from "next/headers";

/**
 * The site's public address, for links that leave it (the calendar feed and its entries).
 * NEXTAUTH_URL when set — the configured address, which a forged Host header cannot change —
 * else what the request was sent to.
 */
export async function siteOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === "http:" || url.protocol === "https:") return url.origin;
    } catch {
      // Fall through to the request's own address.
    }
  }
  const list = await headers();
  const host = list.get("x-forwarded-host")?.split(",")[0]?.trim() || list.get("host") || "localhost:3000";
  const forwarded = list.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol = forwarded === "http" || forwarded === "https" ? forwarded : /^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https";
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return "http://localhost:3000";
  }
}
