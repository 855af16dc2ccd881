// Who sent a request, and which site it was sent to: the one home of both. The client's address
// (the sign-in lock, the audit log) is read under one trust policy for proxies; the site's origin
// (links in open data, feeds, metadata and emails, the public page cache, sign-in return paths) is
// the configured public address. No other module reads X-Forwarded-For, X-Forwarded-Host,
// X-Forwarded-Proto or the socket.
//
// The socket's address: Next.js (16.4, base-server.js) sets `x-forwarded-for` from the socket only
// when the request has none (`??=`), so a client that sends the header hides its own address from
// the app. recordPeerAddresses(), called at server start (instrumentation.ts), writes the socket's
// address onto every request under PEER_ADDRESS_HEADER instead, replacing any value the client
// sent. Until it has run, no request's peer address is known (null).
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { proxyHopsSchema } from "@/lib/config/env";

type Env = Record<string, string | undefined>;
type HeaderReader = Pick<Headers, "get">;

/** The request header that carries the socket's address (set by the server, never by the client). */
export const PEER_ADDRESS_HEADER = "x-twinning-peer-address";

const DEFAULT_ORIGIN = "http://localhost:3000";

type PeerState = { __twinningPeerAddresses?: boolean };

/**
 * From now on, every request this process's HTTP servers receive carries its socket's address in
 * PEER_ADDRESS_HEADER (whatever the client sent under that name is replaced). Idempotent.
 */
export function recordPeerAddresses(): void {
  const state = globalThis as PeerState;
  if (state.__twinningPeerAddresses) return;
  for (const server of [http.Server, https.Server]) {
    const emit = server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    server.prototype.emit = function emitWithPeerAddress(this: unknown, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    } as typeof server.prototype.emit;
  }
  state.__twinningPeerAddresses = true;
}

/** Whether this process records peer addresses (recordPeerAddresses has run): only then is the header ours. */
export function peerAddressesRecorded(): boolean {
  return (globalThis as PeerState).__twinningPeerAddresses === true;
}

/** TRUSTED_PROXY_HOPS: how many proxies of ours stand in front of the app (0: none; invalid: 0, and the server refuses to start). */
export function trustedProxyHops(env: Env = process.env): number {
  const parsed = proxyHopsSchema.safeParse(env.TRUSTED_PROXY_HOPS);
  return parsed.success ? parsed.data : 0;
}

/**
 * An IP address in one canonical form (IPv4 dotted, IPv6 compressed and lower-case; an IPv4-mapped
 * IPv6 address as IPv4; a port or brackets removed), or null for anything that is not one.
 */
export function validAddress(text: string | null | undefined): string | null {
  if (typeof text !== "string" || text.length > 100) return null;
  let candidate = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(candidate)) candidate = candidate.slice(0, candidate.lastIndexOf(":"));
  candidate = candidate.replace(/%[\w.-]+$/, ""); // an IPv6 zone (fe80::1%eth0) names the server's interface
  const version = isIP(candidate);
  if (version === 4) return candidate;
  if (version !== 6) return null;
  // The URL parser serialises IPv6 canonically (RFC 5952): one text per address.
  const canonical = new URL(`http://[${candidate}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/**
 * The client's address under the trust policy, or null when it is not known. With no trusted
 * proxy (TRUSTED_PROXY_HOPS=0, the default): the socket's address; X-Forwarded-For is the
 * client's own text and is ignored. With n trusted proxies: the address the n-th proxy from the
 * app saw, i.e. the n-th entry of X-Forwarded-For from the right (proxies append: nginx's
 * `$proxy_add_x_forwarded_for`), or the left-most one when the list is shorter. An entry that is
 * not an IP address gives null, never the text.
 */
export function clientAddressFrom(headers: HeaderReader, env: Env = process.env): string | null {
  const peer = peerAddressesRecorded() ? validAddress(headers.get(PEER_ADDRESS_HEADER)) : null;
  const hops = trustedProxyHops(env);
  if (hops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Nearest first: the socket, then each proxy's entry from the right.
  const chain = [peer, ...forwarded.reverse()];
  return validAddress(chain[Math.min(hops, chain.length - 1)]);
}

/** The configured public address: APP_URL, else NEXTAUTH_URL, else http://localhost:3000 (no trailing slash). */
export function appUrl(env: Env = process.env): string {
  const raw = env.APP_URL || env.NEXTAUTH_URL || DEFAULT_ORIGIN;
  return raw.replace(/\/+$/, "");
}

/** Whether the public address is https://: then every response carries HSTS, whatever the request says. */
export function servedOverHttps(env: Env = process.env): boolean {
  return /^https:\/\//i.test(appUrl(env).trim());
}

/** The origin of APP_URL or NEXTAUTH_URL, or null when neither is an http(s) address. */
export function configuredOrigin(env: Env = process.env): string | null {
  const raw = (env.APP_URL || env.NEXTAUTH_URL)?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** The last comma-separated value of a header (the nearest proxy's), trimmed, or null. */
function nearest(value: string | null): string | null {
  return value?.split(",").pop()?.trim() || null;
}

/**
 * The host (and port) the request was sent to, validated: the Host header, or with a trusted proxy
 * (TRUSTED_PROXY_HOPS > 0) the X-Forwarded-Host it set. Null when missing or not a host name.
 */
export function requestHost(headers: HeaderReader, env: Env = process.env): string | null {
  const given = (trustedProxyHops(env) > 0 ? nearest(headers.get("x-forwarded-host")) : null) ?? headers.get("host")?.trim() ?? null;
  if (!given || given.length > 300 || !/^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(given)) return null;
  try {
    return new URL(`http://${given}/`).host;
  } catch {
    return null;
  }
}

/**
 * The site's origin, for absolute links: the configured public address (APP_URL, else
 * NEXTAUTH_URL), which no request can change. Only when neither is set: the host the request was
 * sent to (requestHost), with X-Forwarded-Proto's scheme when a proxy is trusted. Never throws.
 */
export function siteOriginFrom(headers: HeaderReader | null, env: Env = process.env): string {
  const configured = configuredOrigin(env);
  if (configured) return configured;
  const host = headers ? requestHost(headers, env) : null;
  if (!host) return DEFAULT_ORIGIN;
  const proto = trustedProxyHops(env) > 0 && headers ? nearest(headers.get("x-forwarded-proto")) : null;
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

async function currentHeaders(): Promise<HeaderReader> {
  // Loaded when called: the proxy bundles this module too, and has no request store.
  const { headers } = await import("next/headers");
  return headers();
}

/** The current request's client address (a page, server action or route handler). */
export async function clientAddress(): Promise<string | null> {
  return clientAddressFrom(await currentHeaders());
}

/** The site's origin, in a page, server action or route handler (reads the request: the page is dynamic). */
export async function siteOrigin(): Promise<string> {
  return siteOriginFrom(await currentHeaders());
}
