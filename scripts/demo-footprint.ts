// What `npm run demo` holds after the whole end-to-end suite has run against it (issue 16: under
// 400 MB in all; docs/decisions/014-demo-footprint.md). Runs the real thing: a fresh embedded
// database seeded as the suite expects (the demo story, the deactivated account, the demo's shared
// buffers), then `npm run demo` itself on E2E_PORT, the suite against it, and the resident memory
// of every process under npm (npm, the server): each second during the suite (the peak), when
// the suite ends, and after a spell of idling (V8's memory reducer runs then).
//
//   E2E_PORT=3301 npx tsx scripts/demo-footprint.ts [--idle 180] [--report file.json] [-- <playwright args>]
// (a project's own grepInvert wins over --grep-invert: pass files to run fewer journeys)
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { readDatabaseConfig } from "@/lib/db/config";
import { runScript } from "@/lib/config/scripts";
import { E2E_PORT, E2E_SECRET, loopbackFeedAllowance } from "./lib/e2e-accounts";
import { processMemory, processTree, type ProcessMemory } from "./lib/process-memory";
import { bin, ROOT, run } from "./lib/run";
import { waitForServer } from "./lib/wait-for-server";

const MB = 2 ** 20;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1]!;
}

type Snapshot = { at: string; processes: { pid: number; name: string; rssMb: number; peakRssMb: number }[]; totalMb: number };

function snapshot(root: number): Snapshot {
  const processes = processTree(root)
    .map(processMemory)
    .filter((memory): memory is ProcessMemory => memory !== null)
    .map(({ pid, name, rss, peakRss }) => ({ pid, name: name.slice(0, 60), rssMb: Math.round(rss / MB), peakRssMb: Math.round(peakRss / MB) }));
  return { at: new Date().toISOString(), processes, totalMb: processes.reduce((sum, entry) => sum + entry.rssMb, 0) };
}

function describe(label: string, shot: Snapshot): string {
  const lines = shot.processes.map((entry) => `    ${String(entry.rssMb).padStart(5)} MB  (peak ${entry.peakRssMb} MB)  ${entry.name}`);
  return `  ${label}: ${shot.totalMb} MB in all\n${lines.join("\n")}`;
}

await runScript("Measuring the demo's footprint", async () => {
  if (readDatabaseConfig(process.env).kind !== "pglite") throw new Error("The demo's footprint is measured on the embedded database: unset DATABASE_URL.");
  const port = Number(process.env.E2E_PORT ?? E2E_PORT);
  const idleSeconds = Number(option("--idle", "180"));
  const report = path.resolve(ROOT, option("--report", `test-results/demo-footprint-${port}.json`));
  const passThrough = process.argv.includes("--") ? process.argv.slice(process.argv.indexOf("--") + 1) : [];
  const dataDir = `./data/demo-footprint-${port}`;
  fs.rmSync(path.resolve(ROOT, dataDir), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(report), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PGLITE_DATA_DIR: dataDir,
    // The suite signs session tokens with the end-to-end secret (an expired session, for one).
    NEXTAUTH_SECRET: E2E_SECRET,
    // The suite's production build (built by the demo itself if the sources changed).
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-e2e",
    E2E_SERVER_PROFILE: "footprint",
    // The partner-feeds journey's second instance, one port up, as scripts/e2e-server.ts allows it.
    TWINNING_ALLOW_PRIVATE_FEEDS: loopbackFeedAllowance(port + 1),
  };
  delete env.DATABASE_URL;

  // The suite's data: the demo story and the deactivated account, with the demo's shared buffers.
  // `npm run demo` then finds users and adds nothing.
  await run(bin("prisma"), ["migrate", "deploy"], { env, label: "prisma migrate deploy", stdio: "ignore" });
  await run(bin("tsx"), ["scripts/e2e-seed.ts"], { env, label: "the end-to-end seed" });

  const log = path.resolve(ROOT, `test-results/demo-footprint-${port}.log`);
  const out = fs.openSync(log, "w");
  // Detached: its own process group, stopped as one at the end.
  const demo = spawn("npm", ["run", "demo"], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ["ignore", out, out], detached: true });
  const stopDemo = () => {
    try {
      process.kill(-demo.pid!, "SIGTERM");
    } catch {
      // Already stopped.
    }
  };
  process.on("exit", stopDemo);
  console.log(`npm run demo (pid ${demo.pid}) on port ${port}, its output in ${path.relative(ROOT, log)}`);
  await waitForServer(`http://localhost:${port}/login`, demo, 600_000);
  const started = snapshot(demo.pid!);
  console.log(describe("started", started));

  let peak = started;
  const sampler = setInterval(() => {
    const now = snapshot(demo.pid!);
    if (now.totalMb > peak.totalMb) peak = now;
  }, 1_000);
  const suiteStarted = Date.now();
  let suite = "passed";
  try {
    await run(bin("playwright"), ["test", ...passThrough], { env: { ...env, E2E_PORT: String(port), E2E_REUSE_SERVER: "1" }, label: "the end-to-end suite" });
  } catch (error) {
    suite = error instanceof Error ? error.message : String(error);
  }
  clearInterval(sampler);
  const suiteSeconds = Math.round((Date.now() - suiteStarted) / 1000);
  const ended = snapshot(demo.pid!);
  // V8's memory reducer and glibc give memory back in steps once requests stop: the total every 30 s.
  console.log(`\nIdle for ${idleSeconds} s…`);
  const idleSeries: { seconds: number; totalMb: number }[] = [];
  for (let seconds = 30; seconds <= idleSeconds; seconds += 30) {
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    idleSeries.push({ seconds, totalMb: snapshot(demo.pid!).totalMb });
  }
  const idle = snapshot(demo.pid!);
  stopDemo();
  console.log(`  in all while idle: ${idleSeries.map(({ seconds, totalMb }) => `${seconds} s ${totalMb} MB`).join(", ")}`);

  const result = { port, suite, suiteSeconds, idleSeconds, started, peakDuringSuite: peak, ended, idleSeries, idle };
  fs.writeFileSync(report, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nThe suite ${suite} in ${suiteSeconds} s. What npm run demo held (resident memory, every process under npm):`);
  console.log([describe("started", started), describe("highest total during the suite", peak), describe("when the suite ended", ended), describe(`after ${idleSeconds} s idle`, idle)].join("\n"));
  console.log(`Written to ${path.relative(ROOT, report)}.`);
});
