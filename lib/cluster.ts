// What the server processes of one `npm start` share (scripts/start.ts runs one per CPU core on
// a PostgreSQL server): the key of the public page cache's internal renders, and word of a
// write, so that every process's short-lived caches (lib/cache.ts) start afresh at once.
import cluster from "node:cluster";
import os from "node:os";
import type { DatabaseConfig } from "@/lib/db/config";

/** Set by scripts/start.ts for its processes: the secret and nonce placeholder of internal renders (lib/public-page-cache.ts). */
export const RENDER_KEY_ENV = "TWINNING_RENDER_KEY";

export type CacheScope = "public" | "office";
type EpochMessage = { type: "twinning:cache-epoch"; scope: CacheScope };

export function isEpochMessage(message: unknown): message is EpochMessage {
  const candidate = message as Partial<EpochMessage> | null;
  return candidate?.type === "twinning:cache-epoch" && (candidate.scope === "public" || candidate.scope === "office");
}

/** Tells the other server processes of this `npm start` that `scope` changed (scripts/start.ts relays it). */
export function tellOtherProcesses(scope: CacheScope): void {
  if (cluster.isWorker && process.send) process.send({ type: "twinning:cache-epoch", scope } satisfies EpochMessage);
}

/** Calls `onChange` when another server process tells of a write; once per process and scope holder. */
export function listenToOtherProcesses(onChange: (scope: CacheScope) => void): void {
  if (!cluster.isWorker) return;
  process.on("message", (message: unknown) => {
    if (isEpochMessage(message)) onChange(message.scope);
  });
}

/**
 * How many server processes `npm start` runs: WEB_CONCURRENCY, else one per CPU core, on a
 * PostgreSQL server; always one on the embedded database, whose folder only one process may open.
 */
export function serverProcessCount(env: Record<string, string | undefined>, database: DatabaseConfig): { count: number; note?: string } {
  const asked = env.WEB_CONCURRENCY?.trim();
  const wanted = asked ? Number(asked) : os.availableParallelism();
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 64) {
    throw new RangeError(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${asked}".`);
  }
  if (database.kind === "pglite") return { count: 1, note: wanted > 1 && asked ? "WEB_CONCURRENCY is ignored on the embedded database: one process holds its folder." : undefined };
  return { count: wanted };
}
