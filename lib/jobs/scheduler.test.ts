import { afterEach, describe, expect, it, vi } from "vitest";
import { runsJobsInApp } from "./in-app";
import { createScheduler } from "./scheduler";

/** A job that runs until the test lets it finish. */
function controllableJob() {
  const finishers: (() => void)[] = [];
  const run = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
  return { run, finishNext: () => finishers.shift()?.() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the in-app job scheduler", () => {
  it("never runs two rounds at once: a round asked for while one runs is skipped", async () => {
    const job = controllableJob();
    const scheduler = createScheduler({ run: job.run });
    const first = scheduler.runOnce();
    expect(scheduler.running).toBe(true);
    await expect(scheduler.runOnce()).resolves.toBe(false);
    await expect(scheduler.runOnce()).resolves.toBe(false);
    expect(job.run).toHaveBeenCalledTimes(1);
    job.finishNext();
    await expect(first).resolves.toBe(true);
    expect(scheduler.running).toBe(false);

    // Once it has finished, the next round runs.
    const second = scheduler.runOnce();
    expect(job.run).toHaveBeenCalledTimes(2);
    job.finishNext();
    await expect(second).resolves.toBe(true);
  });

  it("times the next round from the end of the last, so slow rounds never pile up", async () => {
    vi.useFakeTimers();
    const job = controllableJob();
    const scheduler = createScheduler({ run: job.run, intervalMs: 60_000, firstDelayMs: 10_000 });
    scheduler.start();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(job.run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(job.run).toHaveBeenCalledTimes(1);
    // The round takes five minutes: no other starts meanwhile.
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(job.run).toHaveBeenCalledTimes(1);
    job.finishNext();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(job.run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(job.run).toHaveBeenCalledTimes(2);
    job.finishNext();
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(job.run).toHaveBeenCalledTimes(2);
  });

  it("a failing round is reported and the timer goes on", async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = createScheduler({
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error("database unreachable");
      },
      intervalMs: 1_000,
      firstDelayMs: 1_000,
      onError: (error) => errors.push(error),
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/database unreachable/);
    await scheduler.stop();
  });

  it("stop() waits for the round in progress", async () => {
    const job = controllableJob();
    const scheduler = createScheduler({ run: job.run });
    void scheduler.runOnce();
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    job.finishNext();
    await stopping;
    expect(stopped).toBe(true);
  });
});

describe("which app runs the jobs itself", () => {
  it("the app, on either database, unless JOBS=cron on PostgreSQL; never during next build", () => {
    const postgres = "postgresql://twinning@db.example.internal:5432/twinning";
    expect(runsJobsInApp({})).toBe(true);
    expect(runsJobsInApp({ DATABASE_URL: "pglite:./data/pglite" })).toBe(true);
    expect(runsJobsInApp({ DATABASE_URL: "memory://" })).toBe(true);
    expect(runsJobsInApp({ NEXT_PHASE: "phase-production-build" })).toBe(false);
    expect(runsJobsInApp({ DATABASE_URL: postgres })).toBe(true);
    expect(runsJobsInApp({ DATABASE_URL: postgres, JOBS: "app" })).toBe(true);
    expect(runsJobsInApp({ DATABASE_URL: postgres, JOBS: "cron" })).toBe(false);
    // npm run jobs cannot open the embedded folder beside the app: the app runs them whatever JOBS says.
    expect(runsJobsInApp({ DATABASE_URL: "pglite:./data/pglite", JOBS: "cron" })).toBe(true);
  });
});
