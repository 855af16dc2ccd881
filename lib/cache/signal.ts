// What has changed, as this server process knows it: a counter per topic, moved by the database's
// notifications (listener.ts) and by this process's own writes (invalidate.ts). A cached value
// remembers the counters it was read under and is read again once they moved. No database here:
// proxy.ts reads it too.
import { processState } from "./process-state";

/** What the triggers of the change_signal migration name: the tables the caches read, in groups. */
export const TOPICS = ["links", "activity", "decisions", "settings"] as const;
export type Topic = (typeof TOPICS)[number];

type SignalState = {
  counts: Record<Topic, number>;
  /** Whether listener.ts watches a database for this process (until then, nothing is cached). */
  watching: boolean;
  /** Set by listener.ts while it cannot LISTEN: reads the database's change count, at most once a second. */
  catchUp?: () => Promise<void>;
};

const state = processState<SignalState>("signal", () => ({
  counts: { links: 0, activity: 0, decisions: 0, settings: 0 },
  watching: false,
}));

export function isTopic(name: string): name is Topic {
  return (TOPICS as readonly string[]).includes(name);
}

/** Everything cached under these topics (all of them by default) is read afresh next time. */
export function markChanged(topics: readonly Topic[] = TOPICS): void {
  for (const topic of topics) state.counts[topic] += 1;
}

/** A number that moves whenever one of `topics` changes (the counters only grow). */
export function versionOf(topics: readonly Topic[]): number {
  return topics.reduce((sum, topic) => sum + state.counts[topic], 0);
}

/** The version after catching up with the database when notifications are not arriving. */
export async function settledVersion(topics: readonly Topic[]): Promise<number> {
  await state.catchUp?.();
  return versionOf(topics);
}

export function isWatching(): boolean {
  return state.watching;
}

/** listener.ts: whether it watches, and how to catch up meanwhile. */
export function setWatching(watching: boolean, catchUp?: () => Promise<void>): void {
  state.watching = watching;
  state.catchUp = catchUp;
}
