// The HTTP hardening every response gets. Pure, so it can be tested without a server.

/**
 * `signInProvider`: the council's OpenID issuer (OIDC_ISSUER), if any. "Sign in with your council
 * account" is a form whose answer redirects to the provider, and browsers hold a form's redirects to
 * form-action too: its origin is allowed there, and no other.
 */
export function contentSecurityPolicy(nonce: string, { development = false, https = false, signInProvider }: { development?: boolean; https?: boolean; signInProvider?: string } = {}): string {
  const provider = originOf(signInProvider);
  return [
    "default-src 'self'",
    // Scripts only with this response's nonce (Next.js adds it to its own scripts); no 'unsafe-inline'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${provider ? ` ${provider}` : ""}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function originOf(address: string | undefined): string | null {
  if (!address) return null;
  try {
    const url = new URL(address);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** The policy of a stored document's download (app/documents/[id]): no script, no plugin, no same-origin access, whatever the file holds. */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'";

/** Whether an address (without its language prefix) is a document's download. */
export function isDocumentDownload(path: string): boolean {
  return /^\/documents\/[^/]+$/.test(path) && path !== "/documents/upload";
}

/** Pages whose address carries a secret: a single-use link's token (lib/links/single-use-link.ts). */
const SECRET_ADDRESS = /^\/(?:password-reset|confirm)\/[^/]+$/;

/** Whether a page's address (without its language prefix) carries a secret. */
export function carriesSecret(path: string): boolean {
  return SECRET_ADDRESS.test(path);
}

/**
 * `secretAddress`: the page's address carries a secret, so no Referer names it to anyone (not even
 * this site's own requests) and nothing stores the page.
 */
export function securityHeaders({ https, secretAddress = false }: { https: boolean; secretAddress?: boolean }): Record<string, string> {
  return {
    "Referrer-Policy": secretAddress ? "no-referrer" : "strict-origin-when-cross-origin",
    ...(secretAddress ? { "Cache-Control": "no-store" } : {}),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
