// The site's configured public address: where links in emails point, and whether the site is
// served over HTTPS (HSTS, upgrade-insecure-requests). Read from the configuration only — never
// from a request header such as X-Forwarded-Proto, which any client can send.

type Env = Record<string, string | undefined>;

/** The app's public address: APP_URL, else NEXTAUTH_URL, else http://localhost:3000 (no trailing slash). */
export function appUrl(env: Env = process.env): string {
  const raw = env.APP_URL || env.NEXTAUTH_URL || "http://localhost:3000";
  return raw.replace(/\/+$/, "");
}

/** Whether the public address is https://: then every response carries HSTS, whatever the request says. */
export function servedOverHttps(env: Env = process.env): boolean {
  return /^https:\/\//i.test(appUrl(env).trim());
}
