// The one kind of cached value: read from the database, kept in this process's memory under the
// version of the topics it was read from (signal.ts), in a bounded map.
import { currentVersion } from "./listener";
import { BoundedMap } from "./bounded-map";
import type { Topic } from "./signal";

export type CacheOptions = {
  /** The topics whose change makes a value stale (signal.ts TOPICS). */
  topics: readonly Topic[];
  /** How many keys are kept; the least recently used goes first. */
  maxEntries: number;
  /** For values that depend on the clock too (what is due, what is dormant): read afresh after this long. */
  maxAgeMs?: number;
};

/** `latest`: the entry's value once loaded, until then the value it replaces (a load may build on it). */
type Entry<T> = { version: number; at: number; value: Promise<T>; latest?: { value: T } };

/**
 * Values kept until their data changes: `read(key, load)` returns the value loaded for `key`
 * under the current version of `topics`, loading it (once, however many ask at the same time)
 * when there is none. A load that fails is not kept. `load` is given the stale value it replaces,
 * if any, so that it can extend it rather than start again (the decision chain's check).
 */
export function cacheUntilChanged<T>(options: CacheOptions): (key: string, load: (previous?: T) => Promise<T>) => Promise<T> {
  const entries = new BoundedMap<string, Entry<T>>(options.maxEntries);
  return async (key, load) => {
    const version = await currentVersion(options.topics);
    const now = Date.now();
    const entry = entries.get(key);
    if (entry && entry.version === version && (options.maxAgeMs === undefined || now - entry.at < options.maxAgeMs)) return entry.value;
    const value = load(entry?.latest?.value);
    const fresh: Entry<T> = { version, at: now, value, latest: entry?.latest };
    entries.set(key, fresh);
    value.then(
      (loaded) => {
        fresh.latest = { value: loaded };
      },
      () => {
        if (entries.get(key) === fresh) entries.delete(key);
      },
    );
    return value;
  };
}

/** cacheUntilChanged for one loader: `(key?) => value`, the key passed to `load` (e.g. a year, filters as JSON), with the stale value it replaces. */
export function memoUntilChanged<T>(options: CacheOptions, load: (key: string, previous?: T) => Promise<T>): (key?: string) => Promise<T> {
  const read = cacheUntilChanged<T>(options);
  return (key = "") => read(key, (previous) => load(key, previous));
}
