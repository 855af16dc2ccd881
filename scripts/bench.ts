// `npm run bench [-- --duration 10 --connections 10 --agreements 20000 --exchanges 200000 --port 3600]`
// Measures the production server on the scale data set, all on 127.0.0.1:
//  1. a fresh PostgreSQL database (BENCH_ADMIN_URL, default postgresql://postgres@127.0.0.1:5432/postgres),
//     migrated, demo accounts, then the scale seed; dropped at the end. Or --database-url <url>:
//     an existing, already seeded database, used as it is (never dropped).
//     --no-build reuses .next-bench even when sources changed since (a busy shared checkout).
//  2. `next build` into .next-bench when the sources changed, then `npm start` (scripts/start.ts:
//     one server process per core, WEB_CONCURRENCY to choose) on --port (3600).
//  3. autocannon against each target in turn (public pages, signed-in pages, one write through
//     its server action), each beside its ceiling: a static file of the same size served by the
//     same server — the target's own first response, saved under public/bench/sized/ (removed at
//     the end; the server restarts once to serve them; a public page and its twin take turns in
//     five short rounds) — and a generic static page for the write.
//     The anonymous /login page (one small query) is the reference for pages rendered per
//     request: what the framework itself costs on this machine.
// Beside each target's throughput, the peak resident memory of each server process during its run
// (and, after the table, of every process of `npm start` since it started: /proc, Linux only).
// Prints a table, writes bench/results/<timestamp>.json. See README "Performance".
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { serverProcessCount } from "@/lib/config/cluster";
import { readDatabaseConfig } from "@/lib/db/config";
import { runScript } from "@/lib/config/scripts";
import { buildNeeded } from "./lib/build";
import { processMemory, processTree, sampleTreeMemory, type ProcessMemory } from "./lib/process-memory";
import { waitForServer } from "./lib/wait-for-server";
import { bin, ROOT, run } from "./lib/run";

const DEMO_EMAIL = "officer@example.org";
/** The admin's dashboard adds the locked accounts, the failed emails and the decision record's check. */
const DEMO_ADMIN_EMAIL = "admin@example.org";
const DEMO_PASSWORD = "twinning-demo-2026";
const STATIC_PATH = "/bench/static-page.html";
/**
 * What the server serves beside the app for the bench only: public/bench/, made at the start and
 * removed at the end (never in a production build). The generic static page comes from bench/.
 */
const SERVED_DIR = path.join(ROOT, "public", "bench");
/** The static twins of the GET targets: public/bench/sized/, served by the same server. */
const SIZED_DIR = path.join(SERVED_DIR, "sized");

type Target = {
  name: string;
  path: string;
  /** reference: no target of its own, the floor of any page rendered per request on this machine. */
  kind: "static" | "public" | "signed-in" | "write" | "reference";
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Status codes that count as a success (a server action answers a no-JS form post with 303). */
  ok?: number[];
  /** The static file it is compared with: its twin of the same size, or the generic static page. */
  staticPath?: string;
};

type Measure = {
  name: string;
  path: string;
  kind: Target["kind"];
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytes: number;
  /** Throughput of its static twin (same size, same server), and the ratio to it. */
  staticThroughput: number | null;
  staticPath: string | null;
  ratio: number | null;
  /** The highest resident memory of each server process (Next.js) during the target's run and its twin's, in bytes. */
  serverPeakRss: number[];
  /** Why a target could not be measured (it failed its first request). */
  note?: string;
};

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "10" },
      port: { type: "string", default: "3600" },
      agreements: { type: "string", default: "20000" },
      exchanges: { type: "string", default: "200000" },
      "database-url": { type: "string" },
      "no-save": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
    },
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}".`);
  return {
    duration: Number(values.duration),
    connections: Number(values.connections),
    port,
    agreements: values.agreements,
    exchanges: values.exchanges,
    databaseUrl: values["database-url"] ?? process.env.BENCH_DATABASE_URL,
    save: !values["no-save"],
    build: !values["no-build"],
  };
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

await runScript("Benchmark", async () => {
  const opts = options();
  const adminUrl = process.env.BENCH_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  let databaseUrl = opts.databaseUrl;
  let dropDatabase: (() => Promise<void>) | undefined;
  let server: ChildProcess | undefined;
  const stopServer = async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (server.exitCode === null) server.kill("SIGKILL");
    }
  };
  const cleanup = async () => {
    await stopServer();
    fs.rmSync(SERVED_DIR, { recursive: true, force: true });
    await dropDatabase?.();
  };
  try {
    const timings: Record<string, number> = {};
    let started = Date.now();
    if (!databaseUrl) {
      const name = `twinning_bench_${process.pid}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDatabase = async () => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
        log(`dropped database ${name}`);
      };
      log(`database ${name}: migrate, demo accounts, scale seed (${opts.agreements} agreements, ${opts.exchanges} exchanges)`);
      const env = { ...process.env, DATABASE_URL: databaseUrl };
      await run(bin("prisma"), ["migrate", "deploy"], { env, label: "prisma migrate deploy", stdio: ["ignore", "ignore", "inherit"] });
      await run(bin("tsx"), ["prisma/seed.ts"], { env, label: "the demo seed", stdio: ["ignore", "ignore", "inherit"] });
      timings.migrateAndDemoSeed = Date.now() - started;
      started = Date.now();
      await run(bin("tsx"), ["scripts/seed-scale.ts", "--agreements", opts.agreements, "--exchanges", opts.exchanges], { env, label: "the scale seed" });
      timings.scaleSeed = Date.now() - started;
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-bench",
      NEXTAUTH_URL: `http://127.0.0.1:${opts.port}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "bench-only-secret-0123456789abcdef0123456789",
    };
    let why = buildNeeded(env.NEXT_DIST_DIR);
    if (why && !opts.build && fs.existsSync(path.join(ROOT, env.NEXT_DIST_DIR!, "BUILD_ID"))) {
      log(`--no-build: using the existing build in ${env.NEXT_DIST_DIR} although ${why}`);
      why = null;
    }
    started = Date.now();
    if (why) {
      log(`building into ${env.NEXT_DIST_DIR}: ${why}`);
      // next build adds its dist folder's types to tsconfig.json: put the file back as it was.
      const tsconfig = fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");
      try {
        await run(bin("next"), ["build"], { env, label: "next build", stdio: ["ignore", "ignore", "inherit"] });
      } finally {
        fs.writeFileSync(path.join(ROOT, "tsconfig.json"), tsconfig);
      }
      timings.build = Date.now() - started;
    }
    const base = `http://127.0.0.1:${opts.port}`;
    const serverProcesses = serverProcessCount(env, readDatabaseConfig(env)).count;
    const startServer = async () => {
      log(`starting the production server (npm start: ${serverProcesses} processes) on ${base}`);
      server = spawn(bin("tsx"), ["scripts/start.ts", "-H", "127.0.0.1", "-p", String(opts.port)], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
      await waitForServer(`${base}/login`, server);
    };
    fs.rmSync(SIZED_DIR, { recursive: true, force: true });
    fs.mkdirSync(SERVED_DIR, { recursive: true });
    fs.copyFileSync(path.join(ROOT, "bench", "static-page.html"), path.join(ROOT, "public", STATIC_PATH));
    await startServer();

    const cookie = await signIn(base);
    const adminCookie = await signIn(base, DEMO_ADMIN_EMAIL);
    const slug = await partnerSlug(databaseUrl);
    const notice = await decisionNoticePath(base);
    const write = await exchangeFormPost(base, cookie, databaseUrl);
    // Signed-in pages and the write first, heavy public pages last: a page that outlives its run
    // keeps the server busy, and settle() waits for it before the next target.
    const targets: Target[] = [
      { name: "/agreements (filtered)", path: "/agreements?status=ACTIVE&country=FR&sort=partner", kind: "signed-in", headers: { cookie } },
      { name: "/dashboard", path: "/dashboard", kind: "signed-in", headers: { cookie } },
      { name: "/dashboard (admin)", path: "/dashboard", kind: "signed-in", headers: { cookie: adminCookie } },
      { name: "/login (smallest page rendered per request)", path: "/login", kind: "reference" },
      { name: "log an exchange (server action)", path: "/exchanges/new", kind: "write", method: "POST", headers: { cookie, ...write.headers }, body: write.body, ok: [200, 303] },
      { name: "partner page", path: `/partners/${slug}`, kind: "public" },
      { name: "/open-data/partners.json", path: "/open-data/partners.json", kind: "public" },
      // What's on: upcoming events from the page cache, whose key also carries the minute (issue 24).
      { name: "/whats-on", path: "/whats-on", kind: "public" },
      // A decision notice (issue 24): one record of decision, from the page cache like the partner pages.
      { name: "decision notice", path: notice, kind: "public" },
      { name: "/partners", path: "/partners", kind: "public" },
      // The Welsh listing: its own entry in the page cache, rendered in its own language (issue 19).
      { name: "/cy/partners", path: "/cy/partners", kind: "public" },
    ];
    // Each GET target's first response becomes its static twin; next start lists public/ once,
    // at start, so it restarts to serve them.
    const notes = new Map<Target, string>();
    fs.mkdirSync(SIZED_DIR, { recursive: true });
    for (const [index, target] of targets.entries()) {
      try {
        const body = await check(base, target);
        if (target.kind === "static" || target.kind === "write") continue;
        const file = `${index}-${target.name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase()}.${body.type.includes("json") ? "json" : "html"}`;
        fs.writeFileSync(path.join(SIZED_DIR, file), body.bytes);
        target.staticPath = `/bench/sized/${file}`;
      } catch (error) {
        notes.set(target, error instanceof Error ? error.message : String(error));
      }
    }
    await stopServer();
    await startServer();

    const measures: Measure[] = [];
    const staticRuns = new Map<string, Measure>();
    for (const target of targets) {
      const note = notes.get(target);
      if (note) {
        log(`${target.name}: not measured: ${note}`);
        measures.push({ name: target.name, path: target.path, kind: target.kind, requests: 0, throughput: 0, p50: 0, p95: 0, p99: 0, errors: 1, bytes: 0, staticThroughput: null, staticPath: null, ratio: null, serverPeakRss: [], note });
        continue;
      }
      const staticPath = target.staticPath ?? STATIC_PATH;
      const twin: Target = { name: `static twin of ${target.name}`, path: staticPath, kind: "static" };
      let result: Measure;
      let ceiling: number;
      await settle(base);
      const memory = sampleTreeMemory(server!.pid!);
      if (target.kind === "public") {
        // A public page's ratio is a target: it and its twin take turns in short rounds, so a
        // machine that grows busier or quieter during the measurement favours neither.
        [result, ceiling] = await measureAgainstTwin(base, target, twin, opts.duration, opts.connections);
      } else {
        if (!staticRuns.has(staticPath)) staticRuns.set(staticPath, await measure(base, twin, opts.duration, opts.connections));
        await settle(base);
        result = await measure(base, target, opts.duration, opts.connections);
        ceiling = staticRuns.get(staticPath)!.throughput;
      }
      result.serverPeakRss = memory.stop().filter(isNextServer).map((entry) => entry.peakRss);
      result.staticPath = staticPath;
      result.staticThroughput = ceiling;
      result.ratio = ceiling > 0 ? result.throughput / ceiling : null;
      measures.push(result);
      log(`${target.name}: ${result.throughput.toFixed(0)} req/s (static twin ${ceiling.toFixed(0)}), p95 ${result.p95.toFixed(1)} ms, ${result.errors} errors, server peak RSS ${megabytes(result.serverPeakRss)} MB`);
    }
    // Every process of `npm start` (tsx, the primary, the servers): the most each held since it started.
    const serverMemory = processTree(server!.pid!).map(processMemory).filter((entry): entry is ProcessMemory => entry !== null);

    const machine = {
      cpu: os.cpus()[0]?.model ?? "unknown",
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      database: "PostgreSQL (local, 127.0.0.1)",
      serverProcesses,
    };
    const summary = {
      createdAt: new Date().toISOString(),
      machine,
      settings: { durationSeconds: opts.duration, connections: opts.connections, agreements: Number(opts.agreements), exchanges: Number(opts.exchanges), reusedDatabase: Boolean(opts.databaseUrl) },
      timingsMs: timings,
      targets: measures,
      serverMemory: serverMemory.map(({ name, peakRss }) => ({ name, peakRss })),
      verdict: verdict(measures),
    };
    const table = renderTable(measures);
    console.log(table);
    console.log(`\n${describeServerMemory(serverMemory)}`);
    console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, load ${machine.loadAverage.join(" ")}; ${machine.node}; ${machine.database}; ${serverProcesses} server processes.`);
    for (const line of summary.verdict) console.log(line);
    if (opts.save) {
      const dir = path.join(ROOT, "bench", "results");
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${summary.createdAt.replace(/[:.]/g, "-")}.json`);
      fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
      console.log(`Written to ${path.relative(ROOT, file)}.`);
    }
  } finally {
    await cleanup();
  }
  process.exit(0);
});

/** Signs in as a demo account (the officer unless told) through NextAuth's credentials callback, as the login form does. */
async function signIn(base: string, email = DEMO_EMAIL): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookies(csrf.headers.getSetCookie());
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${base}/dashboard`, json: "true" }).toString(),
  });
  const session = response.headers.getSetCookie().find((line) => line.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Signing in as ${email} failed (HTTP ${response.status}): is the demo seed in this database?`);
  return cookies([session]);
}

function cookies(setCookies: string[]): string {
  return setCookies.map((line) => line.split(";")[0]).join("; ");
}

async function partnerSlug(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The partner with the most exchanges: the heaviest public partner page.
    const { rows } = await client.query<{ slug: string }>(
      `SELECT p.slug FROM "Partner" p JOIN "Agreement" a ON a."partnerId" = p.id JOIN "Exchange" e ON e."agreementId" = a.id
       WHERE a.status = 'ACTIVE' GROUP BY p.slug ORDER BY count(*) DESC, p.slug LIMIT 1`,
    );
    if (!rows[0]) throw new Error("No active partner with exchanges: run the scale seed first.");
    return rows[0].slug;
  } finally {
    await client.end();
  }
}

/** The newest decision notice, as a resident finds it: the first notice linked from /decisions. */
async function decisionNoticePath(base: string): Promise<string> {
  const response = await fetch(`${base}/decisions`, { redirect: "manual" });
  if (response.status !== 200) throw new Error(`GET /decisions answered ${response.status}.`);
  const path = /href="(\/decisions\/[0-9a-f-]{36})"/.exec(await response.text())?.[1];
  if (!path) throw new Error("No decision notice on /decisions: run the scale seed first.");
  return path;
}

/**
 * The no-JavaScript form post that /exchanges/new's form makes: React renders the server
 * action's reference as hidden $ACTION_ fields, and the server runs the action and answers 303.
 */
async function exchangeFormPost(base: string, cookie: string, url: string): Promise<{ headers: Record<string, string>; body: string }> {
  const page = await fetch(`${base}/exchanges/new`, { headers: { cookie }, redirect: "manual" });
  if (page.status !== 200) throw new Error(`GET /exchanges/new answered ${page.status}.`);
  const html = await page.text();
  const hidden = [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)]
    .map((match) => ({ name: attribute(match[0], "name"), value: attribute(match[0], "value") ?? "" }))
    .filter((field): field is { name: string; value: string } => Boolean(field.name?.startsWith("$ACTION")));
  if (hidden.length === 0) throw new Error("No server action reference in /exchanges/new: the form is not rendered with a progressive-enhancement action.");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Agreement" WHERE status = 'ACTIVE' ORDER BY id LIMIT 1`);
  await client.end();
  const fields: [string, string][] = [
    ...hidden.map((field): [string, string] => [field.name, field.value]),
    ["agreementId", rows[0]!.id],
    ["kind", "CULTURAL"],
    ["direction", "OUTBOUND"],
    ["startDate", "2026-06-01"],
    ["endDate", "2026-06-03"],
    ["participantCount", "12"],
    ["participantsDescription", "Bench choir"],
    ["cost", "1500.00"],
    ["currency", "GBP"],
    ["fundingSource", "COUNCIL_BUDGET"],
    ["outcomes", "A benchmark concert"],
    ["visibility", "INTERNAL"],
  ];
  const boundary = "----twinningbench7MA4YWxkTrZu0gW";
  const body = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  return { headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: base }, body };
}

function attribute(tag: string, name: string): string | undefined {
  const raw = tag.match(new RegExp(`\\s${name.replace(/\$/g, "\\$")}="([^"]*)"`))?.[1];
  return raw?.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Waits (up to a minute) until the static file answers quickly again: the server has drained the last run. */
async function settle(base: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const started = Date.now();
    try {
      await (await fetch(`${base}${STATIC_PATH}`, { signal: AbortSignal.timeout(5_000) })).arrayBuffer();
      if (Date.now() - started < 500) return;
    } catch {
      // Still busy.
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  log("the server was still busy after a minute; measuring anyway");
}

/** One request first: the target must answer with success (not a redirect to /login), or the numbers mean nothing. Returns its body. */
async function check(base: string, target: Target): Promise<{ bytes: Buffer; type: string }> {
  const started = Date.now();
  const response = await fetch(`${base}${target.path}`, { method: target.method ?? "GET", headers: target.headers, body: target.body, redirect: "manual", signal: AbortSignal.timeout(90_000) });
  const ok = target.ok ?? [200];
  const location = response.headers.get("location") ?? "";
  if (!ok.includes(response.status) || location.includes("/login")) {
    throw new Error(`${target.name} answered ${response.status}${location ? ` → ${location}` : ""} before the run.`);
  }
  if (target.kind === "write" && !location.includes("done=logged")) {
    const text = await response.text();
    throw new Error(`${target.name} did not log the exchange (HTTP ${response.status}${location ? ` → ${location}` : ""}): ${text.match(/There is a problem[^<]*/)?.[0] ?? "no redirect"}.`);
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  log(`${target.name}: first response ${response.status}, ${bytes.byteLength} bytes in ${Date.now() - started} ms`);
  return { bytes, type: response.headers.get("content-type") ?? "" };
}

type Run = { times: number[]; failures: number; bytes: number; seconds: number };

/** autocannon against one target for `seconds`: each response's time, and how many failed. */
async function load(base: string, target: Target, seconds: number, connections: number): Promise<Run> {
  const times: number[] = [];
  let failures = 0;
  let bytes = 0;
  const ok = new Set(target.ok ?? [200]);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${base}${target.path}`, connections, duration: seconds, method: target.method ?? "GET", headers: target.headers, body: target.body }, (error, finished) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(finished),
    );
    instance.on("response", (_client, statusCode, resBytes, responseTime) => {
      times.push(responseTime);
      bytes = resBytes;
      if (!ok.has(statusCode)) failures += 1;
    });
  });
  return { times, failures: failures + result.errors + result.timeouts, bytes, seconds };
}

/** A few seconds of warm-up so caches and the JIT are settled, then the measured run. */
async function measure(base: string, target: Target, duration: number, connections: number): Promise<Measure> {
  await load(base, target, 2, connections);
  return summary(target, [await load(base, target, duration, connections)]);
}

/** The target and its twin warmed up, then `rounds` turns each; returns the target's figures and the twin's throughput. */
async function measureAgainstTwin(base: string, target: Target, twin: Target, duration: number, connections: number, rounds = 5): Promise<[Measure, number]> {
  await load(base, twin, 2, connections);
  await load(base, target, 2, connections);
  const [twinRuns, targetRuns]: [Run[], Run[]] = [[], []];
  for (let round = 0; round < rounds; round += 1) {
    twinRuns.push(await load(base, twin, duration / rounds, connections));
    targetRuns.push(await load(base, target, duration / rounds, connections));
  }
  return [summary(target, targetRuns), summary(twin, twinRuns).throughput];
}

function summary(target: Target, runs: Run[]): Measure {
  const times = runs.flatMap((run) => run.times).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const percentile = (p: number) => (times.length === 0 ? 0 : times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!);
  return {
    name: target.name,
    path: target.path,
    kind: target.kind,
    requests: times.length,
    throughput: times.length / seconds,
    p50: round(percentile(50)),
    p95: round(percentile(95)),
    p99: round(percentile(99)),
    errors: runs.reduce((sum, run) => sum + run.failures, 0),
    bytes: runs.at(-1)?.bytes ?? 0,
    staticThroughput: null,
    staticPath: null,
    ratio: null,
    serverPeakRss: [],
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function verdict(measures: Measure[]): string[] {
  const lines: string[] = [];
  for (const measure of measures) {
    if (measure.kind === "public") lines.push(`${measure.ratio !== null && measure.ratio >= 0.8 ? "MET" : "NOT MET"}: ${measure.name} at ${(measure.ratio ?? 0).toFixed(2)} of its static twin (target ≥ 0.80)`);
    if (measure.kind === "signed-in") lines.push(`${measure.requests > 0 && measure.p95 < 150 ? "MET" : "NOT MET"}: ${measure.name} p95 ${measure.p95} ms over ${measure.requests} responses (target < 150 ms)`);
    if (measure.requests === 0) lines.push(`NOT MET: ${measure.name} completed no request within the run${measure.note ? ` (${measure.note})` : ""}`);
    if (measure.errors > 0) lines.push(`NOT MET: ${measure.name} had ${measure.errors} error responses (target: none)`);
  }
  return lines;
}

function renderTable(measures: Measure[]): string {
  const header = ["target", "kind", "req/s", "static twin req/s", "× static", "p50 ms", "p95 ms", "p99 ms", "errors", "bytes", "server peak RSS MB"];
  const rows = measures.map((m) => [
    m.name,
    m.kind,
    m.throughput.toFixed(0),
    m.staticThroughput === null ? "" : `${m.staticThroughput.toFixed(0)}${m.staticPath === STATIC_PATH ? " (generic page)" : ""}`,
    m.ratio === null ? "" : m.ratio.toFixed(2),
    m.p50.toFixed(1),
    m.p95.toFixed(1),
    m.p99.toFixed(1),
    String(m.errors),
    String(m.bytes),
    megabytes(m.serverPeakRss),
  ]);
  const lines = [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`);
  return lines.join("\n");
}

function isNextServer(entry: ProcessMemory): boolean {
  return entry.name.startsWith("next-server");
}

/** Bytes as whole MB, one figure per process ("412 / 398"). */
function megabytes(values: number[]): string {
  return values.map((value) => (value / 2 ** 20).toFixed(0)).join(" / ");
}

function describeServerMemory(processes: ProcessMemory[]): string {
  if (processes.length === 0) return "Server memory: not read (no /proc on this system).";
  const total = processes.reduce((sum, entry) => sum + entry.peakRss, 0);
  const each = processes.map((entry) => `${entry.name} ${megabytes([entry.peakRss])} MB`).join("; ");
  return `Server memory, peak RSS of each process of npm start since it started: ${each} (sum ${megabytes([total])} MB).`;
}
