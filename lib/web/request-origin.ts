// Cross-site request forgery: a request that writes must come from a page of this site. Used by
// the proxy for every request, and again by the route handlers that take a form.

/**
 * A request that writes, sent from another site (CSRF): its Origin is not this host. Every POST
 * here is a server action, the sign-in route or the import's upload and confirmation, so none is
 * meant to come from elsewhere.
 */
export function isCrossOriginPost(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
