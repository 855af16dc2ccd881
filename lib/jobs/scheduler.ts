// Runs a job on a timer inside a long-running process (the app: lib/jobs/in-app.ts), never
// twice at once: a round that is still running when the next is due makes that one a no-op, and
// the next round is timed from the end of the last, so slow rounds never pile up.
import { logger } from "@/lib/config/logger";

export type Scheduler = {
  /** Starts the timer (the first round after `firstDelayMs`). Calling it again does nothing. */
  start(): void;
  /** Runs one round now, unless one is already running: then resolves false at once. */
  runOnce(): Promise<boolean>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
  readonly running: boolean;
};

export function createScheduler({
  run,
  intervalMs = 60_000,
  firstDelayMs = intervalMs,
  onError = (error: unknown) => logger.error({ err: error }, "Scheduled jobs failed"),
}: {
  run: () => Promise<void>;
  intervalMs?: number;
  firstDelayMs?: number;
  onError?: (error: unknown) => void;
}): Scheduler {
  let current: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = false;

  const runOnce = async (): Promise<boolean> => {
    if (current) return false;
    current = (async () => {
      try {
        await run();
      } catch (error) {
        onError(error);
      }
    })();
    try {
      await current;
    } finally {
      current = null;
    }
    return true;
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().finally(() => schedule(intervalMs));
    }, delay);
    // The timer alone never keeps the process alive (the server does).
    timer.unref();
  };

  return {
    start() {
      if (started || stopped) return;
      started = true;
      schedule(firstDelayMs);
    },
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
    get running() {
      return current !== null;
    },
  };
}
