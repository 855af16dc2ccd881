/**
 * The origin the visitor used (scheme, host and port), for absolute links in open data and
 * metadata. A reverse proxy's X-Forwarded-Host/-Proto win over the Host header.
 */
export function originFrom(headers: Pick<Headers, "get">, fallback = "http://localhost:3000"): string {
  const first = (value: string | null) => value?.split(",")[0]?.trim() || null;
  const host = first(headers.get("x-forwarded-host")) ?? first(headers.get("host"));
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return fallback;
  const proto = first(headers.get("x-forwarded-proto"));
  const scheme = proto === "https" || proto === "http" ? proto : fallback.startsWith("https:") ? "https" : "http";
  return `${scheme}://${host}`;
}
