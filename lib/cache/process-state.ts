// Every cache's state lives once per server process, on globalThis: Next.js bundles proxy.ts, the
// pages and the server actions apart, each with its own copy of these modules, and a write in an
// action must reach the caches that the pages and the proxy read.
type ProcessState = Record<string, unknown>;

const holder = globalThis as typeof globalThis & {
  __twinningCaches?: ProcessState;
};

/** This process's one `name` state, made by `create` on first use. */
export function processState<T>(name: string, create: () => T): T {
  const states = (holder.__twinningCaches ??= {});
  return (states[name] ??= create()) as T;
}
