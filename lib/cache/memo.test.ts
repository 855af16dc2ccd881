import { describe, expect, it, vi } from "vitest";
import { BoundedMap } from "./bounded-map";
import { cacheUntilChanged, memoUntilChanged } from "./memo";
import { markChanged, versionOf, type Topic } from "./signal";

// The database's side (LISTEN, the sequence) is tests/integration/change-signal.test.ts's.
vi.mock("./listener", async () => {
  const signal = await import("./signal");
  return { currentVersion: async (topics: readonly Topic[]) => signal.versionOf(topics) };
});

describe("BoundedMap", () => {
  it("keeps at most its size, the least recently used going first", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1);
    map.set("c", 3);
    expect(map.size).toBe(2);
    expect(map.get("b")).toBeUndefined();
    expect([map.get("a"), map.get("c")]).toEqual([1, 3]);
  });
});

describe("cacheUntilChanged", () => {
  it("loads a key once until one of its topics changes; other topics leave it alone", async () => {
    const load = vi.fn(async () => versionOf(["links"]));
    const read = memoUntilChanged({ topics: ["links"], maxEntries: 4 }, load);
    const first = await read("a");
    expect(await read("a")).toBe(first);
    markChanged(["settings"]);
    expect(await read("a")).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
    markChanged(["links"]);
    expect(await read("a")).toBe(first + 1);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("shares one load between concurrent readers and forgets a failed one", async () => {
    let calls = 0;
    const read = cacheUntilChanged<number>({ topics: ["activity"], maxEntries: 4 });
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error("down"));
    };
    await expect(Promise.all([read("k", failing), read("k", failing)])).rejects.toThrow("down");
    expect(calls).toBe(1);
    expect(await read("k", async () => 7)).toBe(7);
  });

  it("is bounded: the least recently read key is loaded again", async () => {
    const load = vi.fn(async (key: string) => key);
    const read = memoUntilChanged({ topics: ["decisions"], maxEntries: 2 }, load);
    for (const key of ["a", "b", "c", "a"]) await read(key);
    expect(load.mock.calls.map(([key]) => key)).toEqual(["a", "b", "c", "a"]);
  });

  it("gives a load the stale value it replaces, none the first time or after a failed load", async () => {
    const seen: (number | undefined)[] = [];
    let fail = false;
    const read = memoUntilChanged<number>({ topics: ["settings"], maxEntries: 1 }, async (_key, previous) => {
      seen.push(previous);
      if (fail) throw new Error("down");
      return (previous ?? 0) + 1;
    });
    expect(await read()).toBe(1);
    markChanged(["settings"]);
    expect(await read()).toBe(2);
    markChanged(["settings"]);
    fail = true;
    await expect(read()).rejects.toThrow("down");
    fail = false;
    expect(await read()).toBe(1);
    expect(seen).toEqual([undefined, 1, 2, undefined]);
  });

  it("reads a clock-dependent value again after maxAgeMs", async () => {
    vi.useFakeTimers();
    try {
      const load = vi.fn(async () => Date.now());
      const read = memoUntilChanged({ topics: ["links"], maxEntries: 1, maxAgeMs: 5000 }, load);
      await read();
      vi.advanceTimersByTime(4999);
      await read();
      vi.advanceTimersByTime(1);
      await read();
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
