// The memory of a process tree, read from /proc (Linux): what `npm run bench` reports beside
// throughput. Elsewhere it reads nothing and the report leaves the column empty.
import fs from "node:fs";

export type ProcessMemory = {
  pid: number;
  /** What the process calls itself: Next.js names its server "next-server (v…)". */
  name: string;
  /** Resident memory now, and the most it has held since it started (VmHWM), in bytes. */
  rss: number;
  peakRss: number;
};

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** The pid and every descendant of it that is alive. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    // The command name is in parentheses and may hold spaces: the parent pid follows the last ")".
    const stat = read(`/proc/${entry}/stat`);
    const parent = stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : NaN;
    if (Number.isInteger(parent)) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  if (fs.existsSync(`/proc/${root}`)) visit(root);
  return tree;
}

export function processMemory(pid: number): ProcessMemory | null {
  const status = read(`/proc/${pid}/status`);
  const cmdline = read(`/proc/${pid}/cmdline`);
  if (!status || cmdline === null) return null;
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0) * 1024;
  return { pid, name: describe(cmdline.split("\0").filter(Boolean)), rss: kb("VmRSS"), peakRss: kb("VmHWM") };
}

/** A short name from the command line: a title the process set, else its script and arguments without Node.js's own flags. */
function describe(args: string[]): string {
  if (args.length === 1) return args[0]!.trim();
  const words: string[] = [];
  for (let index = 1; index < args.length; index += 1) {
    const arg = args[index]!;
    if (words.length === 0 && ["--require", "-r", "--import", "--loader"].includes(arg)) index += 1;
    else if (words.length === 0 && arg.startsWith("-")) continue;
    else words.push(words.length === 0 ? arg.replace(/^.*node_modules\/\.bin\//, "") : arg);
  }
  return words.join(" ") || args[0]!;
}

/**
 * Samples the tree under `root` every `intervalMs` until stopped: each process's highest
 * resident memory seen while it ran (a process's own VmHWM counts from its start, not from the
 * sampler's).
 */
export function sampleTreeMemory(root: number, intervalMs = 250): { stop(): ProcessMemory[] } {
  const peaks = new Map<number, ProcessMemory>();
  const sample = () => {
    for (const pid of processTree(root)) {
      const now = processMemory(pid);
      if (!now) continue;
      const seen = peaks.get(pid);
      peaks.set(pid, { ...now, peakRss: Math.max(now.rss, seen?.peakRss ?? 0) });
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return [...peaks.values()];
    },
  };
}
