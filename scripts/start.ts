// `npm start [-- <next start options>]`: the production server. `next start` is one Node.js
// process, and rendering a page keeps it busy: on a PostgreSQL server this runs one per CPU core
// (WEB_CONCURRENCY to choose), sharing the port through node:cluster, and restarts one that
// crashes. They share the public page cache's render key (lib/config/cluster.ts); each hears of writes
// from the database itself (lib/cache/listener.ts). On the embedded database: one process, as `next start`.
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { RENDER_KEY_ENV, serverProcessCount } from "@/lib/config/cluster";
import { readDatabaseConfig } from "@/lib/db/config";
import { runScript } from "@/lib/config/scripts";
import { runForeground } from "./lib/run";
import { NEXT_BIN, serverSettings } from "./lib/server-process";

const args = ["start", ...process.argv.slice(2)];
const { nodeFlags } = serverSettings("throughput");

await runScript("Starting Twinning Office", async () => {
  const { count, note } = serverProcessCount(process.env, readDatabaseConfig(process.env));
  if (note) console.warn(note);
  if (count === 1) await runForeground(process.execPath, [...nodeFlags, NEXT_BIN, ...args]);

  // Not tsx's loaders: the processes run Next.js's own build.
  cluster.setupPrimary({ exec: NEXT_BIN, args, execArgv: nodeFlags });
  const env = { [RENDER_KEY_ENV]: randomBytes(42).toString("base64url") };
  const listening = new Set<number>();
  let stopping = false;

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    if (workers.length === 0) process.exit(code);
    for (const worker of workers) worker.process.kill("SIGTERM");
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
    });
    setTimeout(() => process.exit(code), 10_000).unref();
  };

  cluster.on("listening", (worker, address) => {
    listening.add(worker.id);
    if (listening.size === count) console.log(`Twinning Office: ${count} server processes on port ${address.port}.`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (!listening.has(worker.id)) {
      // It never served: the configuration or the database is wrong, and it said why. Stop.
      stop(code || 1);
      return;
    }
    listening.delete(worker.id);
    console.error(`A server process stopped (${signal ?? `exit code ${code}`}); starting another.`);
    cluster.fork(env);
  });
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  for (let index = 0; index < count; index += 1) cluster.fork(env);
  await new Promise<never>(() => {});
});
