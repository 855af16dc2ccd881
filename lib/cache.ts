import { revalidatePath, revalidateTag } from "next/cache";
import { listenToOtherProcesses, tellOtherProcesses, type CacheScope } from "@/lib/cluster";

/** Cache tags of what the public sees: the listing, partner pages and open data. */
export const PUBLIC_TAG = "public-partners";

// Counters of writes made through the app in this process, and in the other processes of this
// server by their word. On globalThis: Next.js bundles a server action and the route that reads
// the data apart, each with its own copy of this module.
const shared = globalThis as typeof globalThis & { __twinningCacheEpochs?: Record<CacheScope, number> };
const epochs = shared.__twinningCacheEpochs ?? (shared.__twinningCacheEpochs = startEpochs());

/** The counters, listening for writes made in the other server processes of this `npm start` (lib/cluster.ts). */
function startEpochs(): Record<CacheScope, number> {
  const counters = { public: 0, office: 0 };
  listenToOtherProcesses((scope) => {
    counters[scope] += 1;
  });
  return counters;
}

function bump(scope: CacheScope): void {
  epochs[scope] += 1;
  tellOtherProcesses(scope);
}

/**
 * Bumped by revalidatePublic: lib/data/public.ts re-reads its data version at once instead of
 * trusting the one it read less than a second ago, so a writer sees its own change.
 */
export function publicDataEpoch(): number {
  return epochs.public;
}

/** Changes with every write through the app, to the office's data or to what the public sees. */
function writes(): number {
  return epochs.office + epochs.public;
}

/**
 * A value worth computing at most every `ttlMs` in a server process: figures over the whole
 * register (counts, totals per year) that a busy office need not recount per request. Any write
 * through the app (revalidateAgreements) makes the next read fresh in every process of this
 * server (lib/cluster.ts); another server's writes show within `ttlMs`. `key` separates values (e.g. by year).
 */
export function shortLived<T>(ttlMs: number, load: (key: string) => Promise<T>): (key?: string) => Promise<T> {
  const entries = new Map<string, { at: number; epoch: number; value: Promise<T> }>();
  return (key = "") => {
    const now = Date.now();
    const entry = entries.get(key);
    if (entry && entry.epoch === writes() && now - entry.at < ttlMs) return entry.value;
    const value = load(key);
    const fresh = { at: now, epoch: writes(), value };
    entries.set(key, fresh);
    value.catch(() => {
      if (entries.get(key) === fresh) entries.delete(key);
    });
    return value;
  };
}

/** After any write to agreements: staff pages re-render; the public ones too, when a decision may show there. */
export function revalidateAgreements(): void {
  bump("office");
  revalidatePath("/agreements");
  revalidatePath("/dashboard");
  revalidatePath("/approvals");
}

/** After a decision: the public listing, partner pages and open data reflect it on the next request. */
export function revalidatePublic(): void {
  bump("public");
  revalidateTag(PUBLIC_TAG, { expire: 0 });
  revalidatePath("/partners", "layout");
  revalidatePath("/open-data", "layout");
}
