// Fetching an address staff typed (a partner's feed, issue 25 item 3), treating every byte as
// hostile: only http(s), no credentials or cookies ever sent, the host resolved once and every
// resolved address checked (lib/outbound/addresses.ts), the connection made to that checked
// address (so a second DNS answer cannot rebind it), each redirect checked the same way, at most
// MAX_REDIRECTS, a deadline and a size cap, ETag / If-Modified-Since, and an optional outbound
// HTTP proxy reached by CONNECT to the checked address. Settings from the environment: config.ts.
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { LookupFunction } from "node:net";
import { isForbiddenAddress } from "./addresses";
import { allowanceKey, outboundUserAgent } from "./config";

export const MAX_REDIRECTS = 3;

export type SafeFetchOptions = {
  timeoutMs?: number;
  maxBytes?: number;
  etag?: string | null;
  lastModified?: string | null;
  /** An outbound HTTP proxy (http://host:port), e.g. from OUTBOUND_PROXY (config.ts). */
  proxy?: string | null;
  /**
   * Exact `address:port` pairs allowed although forbidden (a test server's own 127.0.0.1:<port>;
   * TWINNING_ALLOW_PRIVATE_FEEDS, config.ts): the same address on another port stays refused. Never user input.
   */
  allow?: readonly string[];
  /** Default: `TwinningOffice/<version> (+<site>)` (config.ts). */
  userAgent?: string;
  resolve?: (host: string) => Promise<string[]>;
};

export type Refusal = "bad-address" | "forbidden-address" | "unresolvable" | "too-many-redirects" | "timeout" | "too-large" | "http-error" | "network-error";

export type SafeFetchResult =
  | { outcome: "fetched"; url: string; status: number; body: Buffer; contentType: string | null; etag: string | null; lastModified: string | null }
  | { outcome: "not-modified"; url: string }
  | { outcome: "refused"; url: string; reason: Refusal; detail: string };

class Refused extends Error {
  constructor(
    readonly reason: Refusal,
    detail: string,
  ) {
    super(detail);
  }
}

async function defaultResolve(host: string): Promise<string[]> {
  return (await dns.lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
}

/** The one address to connect to: every address the name resolves to must be allowed (one bad answer refuses all). */
async function checkedAddress(url: URL, port: number, options: SafeFetchOptions): Promise<string> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (options.resolve ?? defaultResolve)(host);
    } catch {
      throw new Refused("unresolvable", `${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new Refused("unresolvable", `${host} does not resolve`);
  const allowed = new Set(options.allow ?? []);
  const bad = addresses.find((address) => isForbiddenAddress(address) && !allowed.has(allowanceKey(address, port)));
  if (bad) throw new Refused("forbidden-address", `${host} resolves to ${bad}, which is not on the public internet`);
  return addresses[0]!;
}

function portOf(url: URL): number {
  return Number(url.port || (url.protocol === "https:" ? 443 : 80));
}

function checkedUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new Refused("bad-address", "not a web address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Refused("bad-address", `${url.protocol} addresses are not fetched`);
  if (url.username || url.password) throw new Refused("bad-address", "addresses with a user name or password are not fetched");
  return url;
}

/** A socket to `address:port`, through the proxy by CONNECT when there is one. */
function tunnel(proxy: URL, address: string, port: number, signal: AbortSignal): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const target = net.isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
    const headers: Record<string, string> = { host: target };
    // Credentials in the proxy's own address are the proxy's, sent to it alone (never to the feed).
    if (proxy.username) headers["proxy-authorization"] = `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString("base64")}`;
    const request = http.request({ host: proxy.hostname, port: Number(proxy.port || 80), method: "CONNECT", path: target, headers, signal });
    request.once("connect", (response, socket) => (response.statusCode === 200 ? resolve(socket) : (socket.destroy(), reject(new Refused("network-error", `proxy refused: ${response.statusCode}`)))));
    request.once("error", reject);
    request.end();
  });
}

async function once(url: URL, address: string, options: SafeFetchOptions, signal: AbortSignal, maxBytes: number): Promise<http.IncomingMessage & { body?: Buffer }> {
  const secure = url.protocol === "https:";
  const port = portOf(url);
  const family = net.isIPv6(address) ? 6 : 4;
  // Node asks for every address (`all`) when it races IPv4 and IPv6 (autoSelectFamily): the one checked address either way.
  const pinned = ((_host: string, lookupOptions: { all?: boolean }, callback: (...args: unknown[]) => void) =>
    lookupOptions.all ? callback(null, [{ address, family }]) : callback(null, address, family)) as unknown as LookupFunction;
  const headers: Record<string, string> = { "user-agent": options.userAgent ?? outboundUserAgent(), accept: "application/json, text/csv;q=0.9, */*;q=0.1", "accept-encoding": "identity" };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;
  const socket = options.proxy ? await tunnel(new URL(options.proxy), address, port, signal) : undefined;
  const transport = secure ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      {
        protocol: url.protocol,
        hostname: url.hostname,
        port,
        path: `${url.pathname}${url.search}`,
        method: "GET",
        headers,
        signal,
        agent: false,
        ...(socket ? (secure ? { socket, servername: url.hostname } : { createConnection: () => socket }) : { lookup: pinned }),
      } as https.RequestOptions,
      (response) => {
        const length = Number(response.headers["content-length"] ?? 0);
        if (length > maxBytes) {
          response.destroy();
          return reject(new Refused("too-large", `${length} bytes is more than ${maxBytes}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            reject(new Refused("too-large", `more than ${maxBytes} bytes`));
          } else chunks.push(chunk);
        });
        response.once("end", () => resolve(Object.assign(response, { body: Buffer.concat(chunks) })));
        response.once("error", reject);
      },
    );
    request.once("error", reject);
    request.end();
  });
}

/** Fetches `address` safely; never throws: a refusal says why. */
export async function safeFetch(address: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 2_000_000;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = address;
  try {
    let url = checkedUrl(address);
    for (let redirects = 0; ; redirects += 1) {
      current = url.href;
      const pinnedAddress = await checkedAddress(url, portOf(url), options);
      const response = await once(url, pinnedAddress, options, signal, maxBytes);
      const status = response.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status) && response.headers.location) {
        if (redirects >= MAX_REDIRECTS) throw new Refused("too-many-redirects", `more than ${MAX_REDIRECTS} redirects`);
        url = checkedUrl(response.headers.location, url);
        continue;
      }
      if (status === 304) return { outcome: "not-modified", url: url.href };
      if (status < 200 || status > 299) throw new Refused("http-error", `HTTP ${status}`);
      const header = (name: string) => {
        const value = response.headers[name];
        return typeof value === "string" ? value : null;
      };
      return { outcome: "fetched", url: url.href, status, body: response.body ?? Buffer.alloc(0), contentType: header("content-type"), etag: header("etag"), lastModified: header("last-modified") };
    }
  } catch (error) {
    if (error instanceof Refused) return { outcome: "refused", url: current, reason: error.reason, detail: error.message };
    if (signal.aborted) return { outcome: "refused", url: current, reason: "timeout", detail: `no answer within ${timeoutMs} ms` };
    return { outcome: "refused", url: current, reason: "network-error", detail: error instanceof Error ? error.message : String(error) };
  }
}
