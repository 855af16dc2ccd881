// The memory of a process tree, as `npm run bench` reads it (scripts/lib/process-memory.ts).
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { processMemory, processTree, sampleTreeMemory } from "@/scripts/lib/process-memory";

describe.runIf(process.platform === "linux")("process memory", () => {
  it("finds a child in the tree and reads its resident memory and its peak", async () => {
    const child = spawn(process.execPath, ["--max-old-space-size=64", "-e", "setTimeout(() => {}, 10_000)"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(processTree(process.pid)).toEqual(expect.arrayContaining([process.pid, child.pid]));
      const sampler = sampleTreeMemory(child.pid!, 20);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [sampled] = sampler.stop();
      const own = processMemory(child.pid!)!;
      expect(own.rss).toBeGreaterThan(1024 * 1024);
      expect(own.peakRss).toBeGreaterThanOrEqual(own.rss);
      // Named without Node.js's own flags.
      expect(own.name).toBe("setTimeout(() => {}, 10_000)");
      expect(sampled!.peakRss).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  });

  it("reads nothing of a process that is gone", () => {
    expect(processTree(2 ** 22 + 1)).toEqual([]);
    expect(processMemory(2 ** 22 + 1)).toBeNull();
  });
});
