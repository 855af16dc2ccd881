// `npm run demo`: one command from a fresh clone to a running demo on http://localhost:3000.
// A NEXTAUTH_SECRET (generated once, kept in data/.demo-secret), the migrations, the demo
// story when the database is empty, a production build when the sources changed, `next start`.
// Run as `node --import tsx` (no tsx wrapper process), it then hands its process over to the
// server, so only the server stays in memory (docs/decisions/014-demo-footprint.md).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describeDatabase, readDatabaseConfig } from "@/lib/db/config";
import { runScript } from "@/lib/config/scripts";
import { buildNeeded } from "./lib/build";
import { bin, handOver, ROOT, run } from "./lib/run";
import { footprintDatabase, NEXT_BIN, serverSettings } from "./lib/server-process";

const SECRET_FILE = path.join(ROOT, "data", ".demo-secret");

/** NEXTAUTH_SECRET from the environment, or the demo's own, generated on the first run. */
function demoSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (fs.existsSync(SECRET_FILE)) {
    const saved = fs.readFileSync(SECRET_FILE, "utf8").trim();
    if (saved.length >= 32) return saved;
  }
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  fs.writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  console.log(`Generated a session secret for the demo in ${path.relative(ROOT, SECRET_FILE)}.`);
  return secret;
}

function port(): number {
  const raw = process.env.PORT ?? "3000";
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`PORT must be a port number between 1 and 65535, not "${raw}".`);
  return value;
}

await runScript("The demo", async () => {
  const listenOn = port();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: demoSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${listenOn}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const database = readDatabaseConfig(env);
  console.log(`Database: ${describeDatabase(database)}`);

  console.log("Applying database migrations…");
  await run(bin("prisma"), ["migrate", "deploy"], { env, label: "prisma migrate deploy" });

  // Seed in this process, then close the database before the server opens it
  // (PGlite has no lock between processes).
  const { db, closeDatabase, embeddedDatabase } = await import("@/lib/db");
  try {
    await footprintDatabase(embeddedDatabase());
    if ((await db.user.count()) === 0) {
      const { seedDemo } = await import("@/prisma/demo");
      await seedDemo();
      console.log("Demo data seeded. Sign in as admin@example.org, officer@example.org, councillor@example.org or councillor2@example.org with the password twinning-demo-2026.");
    } else {
      console.log("The database already has users: demo data not added.");
    }
  } finally {
    await closeDatabase();
  }

  const why = buildNeeded();
  if (why) {
    console.log(`Building the app (${why})…`);
    await run(bin("next"), ["build"], { env: { ...env, NODE_ENV: "production" }, label: "next build" });
  }
  console.log(`Starting Twinning Office on ${env.NEXTAUTH_URL} (Ctrl-C to stop)…`);
  const server = serverSettings("footprint", env);
  await handOver(process.execPath, [...server.nodeFlags, NEXT_BIN, "start", "-p", String(listenOn)], { ...env, ...server.env, NODE_ENV: "production" });
});

