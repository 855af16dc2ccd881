// The Playwright webServer: a fresh database (a new PGlite folder, or the PostgreSQL database
// in DATABASE_URL), migrated and seeded while a production build runs if the sources changed,
// then `next start` on port 3100. `--build-only` just brings the build up to date and, on the
// embedded database, leaves a migrated and seeded copy beside it for the suite to start from.
// E2E_SERVER_PROFILE=footprint runs the server as `npm run demo` does (scripts/lib/server-process.ts);
// E2E_MEMORY_REPORT=<file> keeps the server's memory there, rewritten every few seconds, so the
// file holds its last figures when the suite ends.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { quoteIdent } from "@/lib/backup/catalog";
import { readDatabaseConfig, describeDatabase } from "@/lib/db/config";
import { runScript } from "@/lib/config/scripts";
import { buildNeeded, distDir, newestSource } from "./lib/build";
import { E2E_PORT, E2E_SECRET, loopbackFeedAllowance } from "./lib/e2e-accounts";
import { processMemory, processTree } from "./lib/process-memory";
import { TEST_OIDC_CLIENT } from "./lib/test-oidc-provider";
import { bin, ROOT, run, runForeground } from "./lib/run";
import { NEXT_BIN, serverSettings, type ServerProfile } from "./lib/server-process";

/** A build folder of its own, so the suite never clobbers a developer's .next (next.config.js reads NEXT_DIST_DIR). */
const E2E_DIST_DIR = ".next-e2e";

/**
 * The embedded database migrated and seeded by `--build-only` (CI's build phase, beside the build,
 * where the engine's idle time costs nothing): the suite copies it instead of migrating and seeding
 * (about 20 s of the Playwright phase). Used only if seeded today (the demo's dates are relative to
 * the day it is seeded) and after the last change to what migrates and seeds it.
 */
const TEMPLATE_DIR = "./data/e2e-pglite-template";
const TEMPLATE_STAMP = "e2e-template.json";
const TEMPLATE_SOURCES = ["prisma", "lib", "scripts", "generated", "package-lock.json"];

/**
 * Likewise on PostgreSQL: `--build-only` with E2E_POSTGRES_URL (CI's database for the PostgreSQL
 * run) migrates and seeds a database named after it with "_template", and this file says for which;
 * the suite on that database then starts from a copy (CREATE DATABASE … TEMPLATE) instead of
 * migrating and seeding (12–13 s of the PostgreSQL Playwright phase).
 */
const POSTGRES_TEMPLATE_STAMP = "./data/e2e-postgres-template.json";

type TemplateStamp = { day: string; startedAt: number; for?: string };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function readStamp(stampFile: string): TemplateStamp | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, stampFile), "utf8")) as TemplateStamp;
  } catch {
    return null;
  }
}

/** Why the template described by the stamp file cannot be used, or null when it can. */
function templateUnusable(stampFile: string): string | null {
  const stamp = readStamp(stampFile);
  if (!stamp) return "no template from the build phase";
  if (stamp.day !== today()) return `the template was seeded on ${stamp.day}`;
  for (const source of TEMPLATE_SOURCES) {
    const newest = newestSource(path.join(ROOT, source));
    if (newest && newest.mtime > stamp.startedAt) return `${path.relative(ROOT, newest.file)} changed since the template was seeded`;
  }
  return null;
}

/** The PostgreSQL database a template is kept in for `url`'s database: same server, name + "_template". */
function postgresTemplateUrl(url: string): string {
  const template = new URL(url);
  template.pathname = `${template.pathname}_template`;
  return template.toString();
}

/** Runs SQL on the server of `url`, connected to its maintenance database (a database cannot be dropped or copied by a session inside it). */
async function onPostgresServer(url: string, statements: string[]): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const databaseName = (url: string) => quoteIdent(decodeURIComponent(new URL(url).pathname.slice(1)));

await runScript("Starting the end-to-end server", async () => {
  const port = Number(process.env.E2E_PORT ?? E2E_PORT);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: E2E_SECRET,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || E2E_DIST_DIR,
    // Single sign-on with the suite's own OpenID provider (scripts/test-oidc-provider.ts, a webServer of its own).
    OIDC_ISSUER: `http://localhost:${port + 1000}`,
    OIDC_CLIENT_ID: TEST_OIDC_CLIENT.clientId,
    OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT.clientSecret,
    // The partner-feeds journey's second instance (e2e/partner-feeds.spec.ts), one port up: the only
    // address on this machine whose feed this server may read (docs/decisions/025-partner-feeds.md).
    TWINNING_ALLOW_PRIVATE_FEEDS: loopbackFeedAllowance(port + 1),
  };
  // Each step's time is printed: the suite's start-up counts against the CI budget.
  const timed = async (label: string, work: () => Promise<void>) => {
    const started = Date.now();
    await work();
    console.log(`[e2e] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const buildIfNeeded = async () => {
    const why = buildNeeded(distDir(env));
    if (!why) return;
    console.log(`[e2e] building into ${distDir(env)}: ${why}`);
    await timed("built", () => run(bin("next"), ["build"], { env, label: "next build" }));
  };

  // The build never opens the database (lib/db refuses during a build), so it runs while the
  // migrations and the seed do: migrate deploy spends much of its time idle.
  const migrateAndSeed = async (databaseEnv: NodeJS.ProcessEnv) => {
    await timed("migrated", () => run(bin("prisma"), ["migrate", "deploy"], { env: databaseEnv, label: "prisma migrate deploy" }));
    await timed("seeded", () => run(bin("tsx"), ["scripts/e2e-seed.ts"], { env: databaseEnv, label: "the end-to-end seed" }));
  };
  const config = readDatabaseConfig(process.env);
  const footprint = env.E2E_SERVER_PROFILE === "footprint";

  // `--build-only`: CI builds once, in a phase of its own, for both end-to-end runs.
  if (process.argv.includes("--build-only")) {
    if (config.kind !== "pglite" || footprint) return buildIfNeeded();
    const startedAt = Date.now();
    const template = path.resolve(ROOT, TEMPLATE_DIR);
    fs.rmSync(template, { recursive: true, force: true });
    const templateEnv: NodeJS.ProcessEnv = { ...env, PGLITE_DATA_DIR: TEMPLATE_DIR };
    delete templateEnv.DATABASE_URL;
    const seedTemplate = async () => {
      await migrateAndSeed(templateEnv);
      fs.writeFileSync(path.join(template, TEMPLATE_STAMP), `${JSON.stringify({ day: today(), startedAt } satisfies TemplateStamp)}\n`);
    };
    const seedPostgresTemplate = async (url: string) => {
      fs.rmSync(path.join(ROOT, POSTGRES_TEMPLATE_STAMP), { force: true });
      const templateUrl = postgresTemplateUrl(url);
      await onPostgresServer(url, [`DROP DATABASE IF EXISTS ${databaseName(templateUrl)} WITH (FORCE)`, `CREATE DATABASE ${databaseName(templateUrl)}`]);
      await migrateAndSeed({ ...env, DATABASE_URL: templateUrl });
      fs.writeFileSync(path.join(ROOT, POSTGRES_TEMPLATE_STAMP), `${JSON.stringify({ day: today(), startedAt, for: url } satisfies TemplateStamp)}\n`);
    };
    const postgresUrl = process.env.E2E_POSTGRES_URL;
    await Promise.all([buildIfNeeded(), seedTemplate(), postgresUrl ? seedPostgresTemplate(postgresUrl) : undefined]);
    return;
  }

  let prepareDatabase = () => migrateAndSeed(env);
  if (config.kind === "pglite") {
    // Always a fresh folder: the suite expects exactly the seeded data.
    // One folder per port: suites run side by side on other ports never share (or wipe) a database.
    const dataDir = process.env.E2E_PGLITE_DATA_DIR || `./data/e2e-pglite-${port}`;
    fs.rmSync(path.resolve(ROOT, dataDir), { recursive: true, force: true });
    delete env.DATABASE_URL;
    env.PGLITE_DATA_DIR = dataDir;
    const unusable = footprint ? "the footprint profile seeds its own" : templateUnusable(path.join(TEMPLATE_DIR, TEMPLATE_STAMP));
    if (unusable) console.log(`[e2e] migrating and seeding: ${unusable}`);
    else prepareDatabase = () => timed("copied the build phase's migrated and seeded database", async () => fs.cpSync(path.resolve(ROOT, TEMPLATE_DIR), path.resolve(ROOT, dataDir), { recursive: true, filter: (file) => path.basename(file) !== TEMPLATE_STAMP }));
  } else if (readStamp(POSTGRES_TEMPLATE_STAMP)?.for === config.url && !templateUnusable(POSTGRES_TEMPLATE_STAMP)) {
    // Only the database the build phase seeded a template for is replaced by a copy of it.
    const target = databaseName(config.url);
    prepareDatabase = () =>
      timed("copied the build phase's migrated and seeded database", () =>
        onPostgresServer(config.url, [`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`, `CREATE DATABASE ${target} TEMPLATE ${databaseName(postgresTemplateUrl(config.url))}`]),
      );
  }
  console.log(`[e2e] database: ${describeDatabase(readDatabaseConfig(env))}`);

  await Promise.all([prepareDatabase(), buildIfNeeded()]);

  const profile: ServerProfile = footprint ? "footprint" : "throughput";
  const server = serverSettings(profile, env);
  if (env.E2E_MEMORY_REPORT) reportMemory(env.E2E_MEMORY_REPORT, profile);
  console.log(`[e2e] starting next on port ${port} (${profile} settings)`);
  // Idle connections stay open a minute, not Node's 5 s: a test's API requests (page.request)
  // reuse a kept-alive socket after longer pauses, and one the server is closing at that moment
  // answers ECONNRESET.
  await runForeground(process.execPath, [...server.nodeFlags, NEXT_BIN, "start", "-p", String(port), "--keepAliveTimeout", "60000"], { env: { ...env, ...server.env } });
});

/** Writes the server's resident memory now and at its peak (VmHWM) to `file` every 5 seconds. */
function reportMemory(file: string, profile: ServerProfile): void {
  const write = () => {
    const servers = processTree(process.pid)
      .map(processMemory)
      .filter((memory) => memory !== null && memory.pid !== process.pid && /next/.test(memory.name));
    if (servers.length === 0) return;
    fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), profile, servers }, null, 2)}\n`);
  };
  setInterval(write, 5_000).unref();
}
