// How a production server process starts, for both ways of starting one: `npm start`
// (scripts/start.ts) spends memory on pages a second; `npm run demo` (scripts/demo.ts) keeps its
// footprint small (docs/decisions/014-demo-footprint.md). Not tsx's loaders: the server runs
// Next.js's own build, so it is plain Node.js running Next.js's bin.
import { createRequire } from "node:module";
import type { PGlite } from "@electric-sql/pglite";

export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
/** One compacting collection once requests stop (the footprint profile). */
const IDLE_COLLECT = new URL("./idle-collect.mjs", import.meta.url).href;

export type ServerProfile = "throughput" | "footprint";

type Settings = { nodeFlags: readonly string[]; env: Readonly<Record<string, string>> };

const PROFILES: Record<ServerProfile, Settings> = {
  // A page render allocates a few MB that die with it: a larger young generation collects them
  // less often (README, "Performance").
  throughput: { nodeFlags: ["--max-semi-space-size=32"], env: {} },
  footprint: {
    nodeFlags: [
      // A small young generation, and an old one capped well above what the demo keeps alive:
      // V8 then grows the heap in small steps instead of reserving ahead.
      "--max-semi-space-size=8",
      "--max-old-space-size=256",
      // PGlite (PostgreSQL in WebAssembly) run by V8's baseline compiler only: optimising its
      // hottest functions took several hundred MB for a while and bought no speed a demo shows.
      "--liftoff-only",
      // V8's memory reducer left the heap as the journeys had grown it: the server collects once idle.
      "--expose-gc",
      `--import=${IDLE_COLLECT}`,
    ],
    // One glibc malloc arena: memory freed by V8's background threads goes back to one pool.
    // Fixed thresholds: glibc otherwise raises them after freeing a large block (a spreadsheet, a
    // page), and then keeps later large blocks in its heap, which it only trims from the top; at
    // 128 KB they are mapped on their own and handed back when freed.
    // An eighth of the rendered public pages npm start keeps: a demo's visitors ask for few.
    env: { MALLOC_ARENA_MAX: "1", MALLOC_MMAP_THRESHOLD_: "131072", MALLOC_TRIM_THRESHOLD_: "131072", PUBLIC_PAGE_CACHE_MB: "8" },
  },
};

/** A flag's name, as Node.js reads it (`--max_old_space_size` is `--max-old-space-size`). */
function flagName(flag: string): string {
  return flag.split("=")[0]!.replace(/_/g, "-");
}

/** Flags Node.js takes more than once, each adding to the others: one in NODE_OPTIONS replaces nothing. */
const REPEATABLE_FLAGS = new Set(["--import"]);

/** The Node.js flags and environment of a server process; what NODE_OPTIONS or the environment already sets wins. */
export function serverSettings(profile: ServerProfile, env: Record<string, string | undefined> = process.env): { nodeFlags: string[]; env: Record<string, string> } {
  const { nodeFlags, env: extra } = PROFILES[profile];
  const given = new Set((env.NODE_OPTIONS ?? "").split(/\s+/).filter(Boolean).map(flagName));
  return {
    nodeFlags: nodeFlags.filter((flag) => REPEATABLE_FLAGS.has(flagName(flag)) || !given.has(flagName(flag))),
    env: Object.fromEntries(Object.entries(extra).filter(([name]) => env[name] === undefined)),
  };
}

/** The demo's database is a few MB: PostgreSQL's default 128MB of shared buffers only fills memory. */
const FOOTPRINT_SHARED_BUFFERS = "8MB";

/**
 * The footprint profile's shared buffers for an embedded database, kept in its folder (ALTER
 * SYSTEM): they apply from the next start on, so to the server. A value set that way before (by
 * an earlier demo, or by someone who chose another) is left alone.
 */
export async function footprintDatabase(pglite: PGlite | undefined): Promise<void> {
  if (!pglite) return;
  const { rows } = await pglite.query<{ sourcefile: string | null }>("SELECT sourcefile FROM pg_settings WHERE name = 'shared_buffers'");
  if (rows[0]?.sourcefile?.endsWith("postgresql.auto.conf")) return;
  await pglite.exec(`ALTER SYSTEM SET shared_buffers = '${FOOTPRINT_SHARED_BUFFERS}'`);
}
