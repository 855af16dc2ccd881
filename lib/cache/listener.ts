// How a server process learns that the database changed (decision 016): one LISTEN connection of
// its own, outside Prisma's pool, on the channel that the change_signal triggers notify; on the
// embedded database PGlite's listen(), in this process. Where LISTEN is unavailable
// (CACHE_CHANGE_SIGNAL=poll, e.g. behind a transaction-mode pooler) and while the connection is
// lost, the sequence the triggers advance is read instead, at most once a second: one row.
import pg from "pg";
import { databaseHandle, db } from "@/lib/db";
import { cacheSignalSchema } from "@/lib/config/env";
import type { AdapterHandle } from "@/lib/db/adapters";
import { processState } from "./process-state";
import { isTopic, markChanged, setWatching, settledVersion, type Topic } from "./signal";

const CHANNEL = "twinning_change";
const CATCH_UP_INTERVAL_MS = 1000;
/** Waits before trying to LISTEN again after the connection is lost, the last one repeated. */
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];

type ListenerState = {
  /** The database watched: `db` may be pointed at another (tests: useDatabase). */
  handle?: AdapterHandle;
  generation: number;
  stop?: () => Promise<void>;
  /** The sequence's value when last read, while catching up by reading it. */
  lastCount?: string;
  checkedAt: number;
  checking?: Promise<void>;
  /** Whether notifications are arriving (else the sequence is read). */
  listening: boolean;
  /** The PostgreSQL backend of the LISTEN connection, while it is up (pg_stat_activity's pid). */
  listenerPid?: number;
};

const state = processState<ListenerState>("listener", () => ({ generation: 0, checkedAt: 0, listening: false }));

/** CACHE_CHANGE_SIGNAL: "listen" (the default) or "poll" where LISTEN cannot work; the server refuses to start with anything else (lib/config/env.ts). */
export function changeSignalMode(env: Record<string, string | undefined> = process.env): "listen" | "poll" {
  return cacheSignalSchema.parse(env.CACHE_CHANGE_SIGNAL?.trim() || undefined);
}

/** Whether this process watches a database, whether notifications arrive, and the backend of its LISTEN connection (PostgreSQL). */
export function changeSignalStatus(): { watching: boolean; listening: boolean; listenerPid?: number } {
  return { watching: state.handle !== undefined, listening: state.listening, listenerPid: state.listenerPid };
}

/** Stops watching (the next read starts again, everything counting as changed): scripts and tests. */
export function stopWatching(): void {
  const stop = state.stop;
  state.stop = undefined;
  state.handle = undefined;
  state.generation += 1;
  state.listenerPid = undefined;
  state.listening = false;
  setWatching(false, undefined);
  void stop?.();
}

/** The version of `topics` for a read: watching the database first, caught up with it when notifications are not arriving. */
export function currentVersion(topics: readonly Topic[]): Promise<number> {
  watchDatabase();
  return settledVersion(topics);
}

/** Starts watching the database behind `db`, once per database; everything counts as changed when it is another one. */
export function watchDatabase(): void {
  const handle = databaseHandle();
  if (state.handle === handle) return;
  const stopPrevious = state.stop;
  state.stop = undefined;
  void stopPrevious?.();
  state.handle = handle;
  state.generation += 1;
  markChanged();
  catchUpByReading();
  if (changeSignalMode() === "listen") void listen(handle, state.generation, 0);
}

/** Until notifications arrive: every read first reads the sequence (once a second), from a fresh start. */
function catchUpByReading(): void {
  state.listening = false;
  state.lastCount = undefined;
  state.checkedAt = 0;
  setWatching(true, catchUp);
}

function catchUp(): Promise<void> {
  if (state.checking) return state.checking;
  if (Date.now() - state.checkedAt < CATCH_UP_INTERVAL_MS) return Promise.resolve();
  state.checkedAt = Date.now();
  const generation = state.generation;
  const checking = readChangeCount()
    .then(
      (count) => {
        if (generation !== state.generation) return;
        if (state.lastCount !== undefined && count !== state.lastCount) markChanged();
        state.lastCount = count;
      },
      // The database is unreachable: the read that follows fails and says so itself.
      () => {},
    )
    .finally(() => {
      state.checking = undefined;
    });
  state.checking = checking;
  return checking;
}

async function readChangeCount(): Promise<string> {
  const [row] = await db.$queryRaw<{ count: string }[]>`SELECT "last_value"::text || ':' || "is_called"::text AS "count" FROM "change_signal"`;
  return row?.count ?? "";
}

/**
 * A notification's payload is "<schema>.<topic>" (migration change_signal_per_schema): NOTIFY
 * reaches every listener of the database, so a listener keeps only its own schema's; `schema`
 * undefined (the embedded database, one process) keeps all.
 */
function onNotification(payload: string | undefined, schema?: string): void {
  const dot = payload?.lastIndexOf(".") ?? -1;
  if (payload === undefined || dot < 0) return markChanged();
  if (schema !== undefined && payload.slice(0, dot) !== schema) return;
  const topic = payload.slice(dot + 1);
  markChanged(isTopic(topic) ? [topic] : undefined);
}

/** Notifications are arriving: no more reading of the sequence; what changed before LISTEN began counts as changed. */
function listening(generation: number): void {
  if (generation !== state.generation) return;
  markChanged();
  state.listening = true;
  setWatching(true, undefined);
}

async function listen(handle: AdapterHandle, generation: number, attempt: number): Promise<void> {
  if (generation !== state.generation) return;
  if (handle.pglite) {
    try {
      const unlisten = await handle.pglite.listen(CHANNEL, (payload) => onNotification(payload));
      const stop = () => unlisten().catch(() => {});
      if (generation !== state.generation) return void (await stop());
      state.stop = stop;
      listening(generation);
    } catch {
      // Closed under us (a script's end): reading the sequence still works while it is open.
    }
    return;
  }
  const client = new pg.Client({ ...handle.clientConfig, keepAlive: true, application_name: "twinning-cache-signal" });
  let ended = false;
  let connected = false;
  const lost = (error?: unknown) => {
    if (ended) return;
    ended = true;
    if (state.listenerPid === backendPid(client)) state.listenerPid = undefined;
    client.removeAllListeners("notification");
    void client.end().catch(() => {});
    if (generation !== state.generation) return;
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
    console.warn(`Cache signal: no LISTEN connection (${error instanceof Error ? error.message : "closed"}); reading the change count once a second, trying again in ${delay / 1000} s.`);
    // Notifications sent meanwhile are lost: everything counts as changed.
    markChanged();
    catchUpByReading();
    setTimeout(() => void listen(handle, generation, connected ? 0 : attempt + 1), delay).unref();
  };
  client.on("error", lost);
  client.on("end", () => lost());
  let schema: string | undefined;
  client.on("notification", (message) => {
    if (message.channel === CHANNEL) onNotification(message.payload, schema);
  });
  const stop = async () => {
    ended = true;
    await client.end().catch(() => {});
  };
  state.stop = stop;
  try {
    await client.connect();
    // The schema this connection's search path resolves to, as the triggers' TG_TABLE_SCHEMA names it.
    const { rows } = await client.query<{ schema: string }>("SELECT current_schema() AS schema");
    schema = rows[0]?.schema ?? undefined;
    await client.query(`LISTEN ${CHANNEL}`);
  } catch (error) {
    lost(error);
    return;
  }
  if (ended) return;
  if (generation !== state.generation) {
    await stop();
    return;
  }
  connected = true;
  state.listenerPid = backendPid(client);
  // An idle connection that must never keep a script or a test's process alive.
  (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
  listening(generation);
}

/** pg's Client keeps the backend's process id that PostgreSQL sent at connection (untyped). */
function backendPid(client: pg.Client): number | undefined {
  return (client as pg.Client & { processID?: number | null }).processID ?? undefined;
}
