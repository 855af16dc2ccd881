// How the scripts start a server (scripts/lib/server-process.ts) and hand their process over to
// it (scripts/lib/run.ts).
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "@/scripts/lib/run";
import { serverSettings } from "@/scripts/lib/server-process";

describe("serverSettings", () => {
  it("gives the demo a small heap, PGlite without the optimising compiler, fewer malloc arenas and fixed malloc thresholds", () => {
    const settings = serverSettings("footprint", {});
    expect(settings.nodeFlags).toEqual(expect.arrayContaining(["--liftoff-only", expect.stringMatching(/^--max-semi-space-size=\d+$/), expect.stringMatching(/^--max-old-space-size=\d+$/)]));
    expect(settings.env).toEqual({ MALLOC_ARENA_MAX: "1", MALLOC_MMAP_THRESHOLD_: "131072", MALLOC_TRIM_THRESHOLD_: "131072", PUBLIC_PAGE_CACHE_MB: "8" });
    expect(settings.nodeFlags).toEqual(expect.arrayContaining(["--expose-gc", expect.stringMatching(/^--import=file:.*\/scripts\/lib\/idle-collect\.mjs$/)]));
  });

  it("the demo's server collects its garbage once requests stop, and not while they come", () => {
    // A server's requests, then quiet: garbage that V8 would otherwise keep for minutes.
    const script = `
      const heap = () => process.memoryUsage().heapTotal;
      let junk = [];
      const busyUntil = Date.now() + 600;
      while (Date.now() < busyUntil) junk.push({ text: "x".repeat(64) + junk.length });
      junk = null;
      const afterWork = heap();
      setTimeout(() => console.log(JSON.stringify({ afterWork, afterIdle: heap() })), 1_500);`;
    const { nodeFlags } = serverSettings("footprint", {});
    const flags = nodeFlags.filter((flag) => flag === "--expose-gc" || flag.startsWith("--import="));
    const output = execFileSync(process.execPath, [...flags, "-e", script], { encoding: "utf8", env: { ...process.env, IDLE_COLLECT_EVERY_MS: "250" }, timeout: 30_000 });
    const { afterWork, afterIdle } = JSON.parse(output) as { afterWork: number; afterIdle: number };
    expect(afterIdle).toBeLessThan(afterWork / 2);
  });

  it("gives npm start its larger young generation", () => {
    expect(serverSettings("throughput", {}).nodeFlags).toEqual(["--max-semi-space-size=32"]);
  });

  it("leaves a flag to NODE_OPTIONS, however it is spelt, and a variable to the environment", () => {
    const settings = serverSettings("footprint", {
      NODE_OPTIONS: "--max_old_space_size=512 --enable-source-maps",
      MALLOC_ARENA_MAX: "2",
      MALLOC_MMAP_THRESHOLD_: "65536",
      MALLOC_TRIM_THRESHOLD_: "65536",
      PUBLIC_PAGE_CACHE_MB: "8",
    });
    expect(settings.nodeFlags.some((flag) => flag.startsWith("--max-old-space-size"))).toBe(false);
    expect(settings.nodeFlags).toContain("--liftoff-only");
    expect(settings.env).toEqual({});
    expect(serverSettings("throughput", { NODE_OPTIONS: "--max-semi-space-size=64" }).nodeFlags).toEqual([]);
  });

  it("keeps the demo's idle collection beside a module NODE_OPTIONS imports (--import adds, it does not replace)", () => {
    const { nodeFlags } = serverSettings("footprint", { NODE_OPTIONS: "--import=./tracing.mjs" });
    expect(nodeFlags).toEqual(expect.arrayContaining(["--expose-gc", expect.stringMatching(/^--import=file:.*idle-collect\.mjs$/)]));
  });
});

describe("handOver", () => {
  it("replaces the script's process with the server's where Node.js can (same process id)", () => {
    const script = `import { handOver } from ${JSON.stringify(path.join(ROOT, "scripts/lib/run.ts"))}; console.log(process.pid); await handOver("/bin/sh", ["-c", "echo $$"], process.env);`;
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
    const [scriptPid, serverPid] = output.trim().split("\n");
    expect(serverPid).toBe(scriptPid);
  });

  it("runs the server as a child and exits with its code where Node.js cannot replace the process", () => {
    const script = `import { handOver } from ${JSON.stringify(path.join(ROOT, "scripts/lib/run.ts"))}; delete process.execve; console.log(process.pid); await handOver("/bin/sh", ["-c", "echo $PPID; exit 3"], process.env);`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
    const [scriptPid, serverParent] = result.stdout.trim().split("\n");
    expect(serverParent).toBe(scriptPid);
    expect(result.status).toBe(3);
  });
});
