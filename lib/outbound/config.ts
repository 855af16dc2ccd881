// The outbound fetcher's settings from the environment (README "Configuration"): the outbound proxy
// (OUTBOUND_PROXY, else HTTPS_PROXY / HTTP_PROXY), the User-Agent naming this site, and the one
// operator-set allowance for feeds on this machine (TWINNING_ALLOW_PRIVATE_FEEDS, decision 025).
import net from "node:net";
import packageJson from "@/package.json";
import { ConfigurationError } from "@/lib/config/env";
import { appUrl } from "@/lib/web/request-context";

type Env = Record<string, string | undefined>;

/** The outbound HTTP proxy (http://host:port), or null: OUTBOUND_PROXY, else HTTPS_PROXY, else HTTP_PROXY. */
export function outboundProxy(env: Env = process.env): string | null {
  const raw = [env.OUTBOUND_PROXY, env.HTTPS_PROXY, env.https_proxy, env.HTTP_PROXY, env.http_proxy].find((value) => value?.trim())?.trim();
  return raw ?? null;
}

/** Why OUTBOUND_PROXY (or HTTPS_PROXY/HTTP_PROXY) cannot be used, or null when it can (or is unset). */
export function outboundProxyProblem(env: Env = process.env): string | null {
  const proxy = outboundProxy(env);
  if (!proxy) return null;
  try {
    const url = new URL(proxy);
    if (url.protocol !== "http:" || url.pathname.replace(/\/$/, "") || url.search) throw new Error();
    return null;
  } catch {
    return "OUTBOUND_PROXY (or HTTPS_PROXY / HTTP_PROXY) must be an http://host:port address of an HTTP proxy that supports CONNECT";
  }
}

/** Whether `address` is a loopback IP literal (127.0.0.0/8 or ::1): the only kind the allowance may name. */
function isLoopback(address: string): boolean {
  if (net.isIPv4(address)) return address.startsWith("127.");
  return net.isIPv6(address) && (address === "::1" || address === "0:0:0:0:0:0:0:1");
}

/**
 * TWINNING_ALLOW_PRIVATE_FEEDS: exact `address:port` pairs on this machine (127.0.0.1:3241,
 * [::1]:3241) that feeds may be fetched from although loopback — for two instances on one machine
 * (the end-to-end test) and nothing else. Only loopback addresses with an explicit port; anything
 * else stops the server at start. Never from user input.
 */
export function privateFeedAllowance(env: Env = process.env): string[] {
  const raw = env.TWINNING_ALLOW_PRIVATE_FEEDS?.trim();
  if (!raw) return [];
  return raw.split(",").map((entry) => {
    const match = /^(?:\[([0-9a-f:.]+)\]|([0-9.]+)):(\d{1,5})$/i.exec(entry.trim());
    const address = match?.[1] ?? match?.[2];
    const port = Number(match?.[3]);
    if (!address || !isLoopback(address) || !(port >= 1 && port <= 65535)) {
      throw new ConfigurationError(`TWINNING_ALLOW_PRIVATE_FEEDS must list loopback address:port pairs (127.0.0.1:3241, [::1]:3241), not "${entry.trim()}"`);
    }
    return allowanceKey(address, port);
  });
}

/** The key of an allowed address and port, as safeFetch compares them. */
export function allowanceKey(address: string, port: number): string {
  return net.isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
}

/** `TwinningOffice/<version> (+<site>)`: who is fetching, and where to read about it. */
export function outboundUserAgent(env: Env = process.env): string {
  return `TwinningOffice/${packageJson.version} (+${appUrl(env)})`;
}

/** Checks the outbound settings at start (lib/config/startup.ts): a bad proxy or allowance stops the server with one line. */
export function checkOutboundConfig(env: Env = process.env): void {
  const problem = outboundProxyProblem(env);
  if (problem) throw new ConfigurationError(problem);
  privateFeedAllowance(env);
}
