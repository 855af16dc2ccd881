// Cross-site request forgery: a request that writes must come from a page of this site. Used by
// the proxy for every request, and again by the route handlers that take a form.

/**
 * A form posted without JavaScript from a page sent with `Referrer-Policy: no-referrer` (a single-use
 * link's page: /confirm/<token>, /password-reset/<token>) carries `Origin: null`: under that policy
 * the browser names no origin for a form's POST. Its Sec-Fetch-Site, which the browser sets and no
 * page can, still says whether it came from this site.
 */
export function isOpaqueSameOriginPost(request: Pick<Request, "headers" | "method">): boolean {
  return request.method === "POST" && request.headers.get("origin") === "null" && request.headers.get("sec-fetch-site") === "same-origin";
}

/**
 * A request that writes, sent from another site (CSRF): its Origin is not this host. Every POST
 * here is a server action, the sign-in route or the import's upload and confirmation, so none is
 * meant to come from elsewhere.
 */
export function isCrossOriginPost(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return !isOpaqueSameOriginPost(request);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
