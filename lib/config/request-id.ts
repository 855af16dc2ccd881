// Every request's id: given by the proxy (proxy.ts) to the page or handler as X-Request-Id and
// answered in the response's X-Request-Id, and written on the request's log lines
// (lib/web/request-log.ts), so a user's report, nginx's access log and ours can be matched.
import { randomUUID } from "node:crypto";
import { proxyHopsSchema } from "./env";

export const REQUEST_ID_HEADER = "x-request-id";

/** What an id from our own reverse proxy looks like (nginx's $request_id: 32 hex digits). */
const GIVEN_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request's id: the one our reverse proxy set (X-Request-Id), when one is trusted
 * (TRUSTED_PROXY_HOPS > 0: it must set the header itself, replacing a client's) and it looks
 * like an id; else a new one. A client's own header never reaches a log unchecked.
 */
export function requestIdFor(headers: Pick<Headers, "get">, env: Record<string, string | undefined> = process.env): string {
  const hops = proxyHopsSchema.safeParse(env.TRUSTED_PROXY_HOPS);
  const given = headers.get(REQUEST_ID_HEADER)?.trim();
  if (hops.success && hops.data > 0 && given && GIVEN_ID.test(given)) return given;
  return randomUUID();
}
