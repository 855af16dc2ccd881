// `npm run jobs` as real processes: two started at once against one PostgreSQL database deliver
// each reminder, digest and proposal email exactly once (to a real SMTP server in this process);
// and against an embedded PGlite folder that the app holds, it stops at once with one line.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCommand } from "@/lib/agreements/apply-command";
import { createDraft } from "@/lib/agreements/create-draft";
import { closeDatabase, db, useDatabase as pointDbAt } from "@/lib/db";
import { postgresHandle } from "@/lib/db/adapters";
import { readDatabaseConfig } from "@/lib/db/config";
import { DIGEST_JOB } from "@/lib/jobs/weekly-digest";
import { lockFilePath } from "@/lib/jobs/embedded-lock";
import { isoWeekPeriod } from "@/lib/jobs/periods";
import { commandSchema } from "@/lib/domain/validation/agreement";
import { backend, createAgreement, createCouncillor, createStaff, draftInput } from "../helpers/database";
import { ROOT, readMigrations } from "../helpers/migrations";
import { headerOf, startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

type Finished = { code: number | null; stdout: string; stderr: string };

/** `npm run jobs` without npm in between (the same command), so the test sees the process itself. */
function runJobs(env: NodeJS.ProcessEnv): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/jobs.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { child, finished };
}

/** The environment a job process gets: this run's settings, less anything about mail or data. */
function jobsEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", APP_URL: "https://twinning.test.example" };
  for (const key of ["SMTP_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "DATABASE_URL", "PGLITE_DATA_DIR", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID"]) delete env[key];
  return { ...env, ...overrides };
}

const onPostgres = backend() === "postgres";

// Two processes cannot share one embedded PGlite folder at all (the next describe shows the
// guard), so the race between two job runners exists, and is tested, only on PostgreSQL.
describe.skipIf(!onPostgres)("two npm run jobs processes at once on PostgreSQL (skipped on PGlite: one data folder, one process)", () => {
  let smtp: TestSmtpServer | undefined;
  /** What the SMTP server accepted: recipients and Message-ID of each message. */
  const received = () => smtp!.received.map((mail) => ({ to: mail.to.join(","), messageId: headerOf(mail.raw, "Message-ID") }));
  let admin: pg.Client;
  let database = "";
  let databaseUrl = "";

  beforeAll(async () => {
    // A slow mail server: each sender is still busy when the other claims its batch.
    smtp = await startSmtpServer(() => new Promise((resolve) => setTimeout(resolve, 40)));

    // A database of its own (the processes read the default schema, as a deployment does),
    // migrated like the harness's schema, and `db` pointed at it for the setup below.
    const config = readDatabaseConfig(process.env);
    if (config.kind !== "postgres") throw new Error("unreachable: PostgreSQL only");
    database = `twinning_jobs_${randomBytes(5).toString("hex")}`;
    admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = new URL(config.url);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    const migrator = new pg.Client({ connectionString: databaseUrl });
    await migrator.connect();
    try {
      for (const migration of readMigrations()) await migrator.query(migration.sql);
    } finally {
      await migrator.end();
    }
    await pointDbAt(postgresHandle(databaseUrl));
  });

  afterAll(async () => {
    await closeDatabase();
    await smtp?.close();
    if (admin) {
      if (database) await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it("deliver every reminder, digest and proposal email exactly once, and the week's digest is claimed once", async () => {
    // The council: 3 staff (the digest), 6 councillors (proposals and reminders).
    const staff = await Promise.all([createStaff(), createStaff(), createStaff()]);
    const councillors = await Promise.all(Array.from({ length: 6 }, () => createCouncillor()));
    // A review due within 90 days, for the digest.
    const agreement = await createAgreement({ createdBy: staff[0] });
    await db.agreement.update({ where: { id: agreement.id }, data: { reviewDate: new Date(Date.now() + 30 * 86_400_000) } });
    // Four proposals, open for ten days (past the default reminderDays of 7): each has queued
    // a "new proposal" email to every councillor, and is due a reminder to each.
    for (let index = 0; index < 4; index += 1) {
      const { id } = await createDraft(draftInput(), staff[0]!);
      const { proposalId } = await applyCommand(commandSchema.parse({ agreementId: id, version: 1, command: "submit", reason: "Twinned schools" }), staff[0]!);
      await db.proposal.update({ where: { id: proposalId! }, data: { createdAt: new Date(Date.now() - 10 * 86_400_000) } });
    }
    expect(await db.outboxMessage.count({ where: { kind: "PROPOSAL_NEW" } })).toBe(24);

    const env = jobsEnv({ DATABASE_URL: databaseUrl, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp!.port), MAIL_FROM: "Twinning Office <office@test.example>" });
    const runs = [runJobs(env), runJobs(env)];
    const results = await Promise.all(runs.map((run) => run.finished));

    for (const result of results) {
      expect(result.code, result.stderr).toBe(0);
      // Nothing on stderr but Node's deprecation notices (node-postgres 8 warns about a query
      // queued on a busy client, which it still handles in order).
      expect(result.stderr.split("\n").filter((line) => line.trim() && !/DeprecationWarning|--trace-deprecation/.test(line))).toEqual([]);
    }
    // Each process says what it did in one line; exactly one of them queued the week's digest.
    const week = isoWeekPeriod(new Date());
    const lines = results.map((result) => result.stdout.trim());
    expect(lines.filter((line) => line.includes(`digest ${week}: 3 queued`))).toHaveLength(1);
    expect(lines.filter((line) => line.includes(`digest ${week}: already done`))).toHaveLength(1);
    expect(await db.jobRun.count({ where: { job: DIGEST_JOB, period: week } })).toBe(1);

    // 24 new-proposal emails + 24 reminders + 3 digests, each delivered once.
    const messages = await db.outboxMessage.findMany({ select: { id: true, kind: true, recipientEmail: true, status: true, attempts: true } });
    expect(messages).toHaveLength(51);
    expect(messages.filter((message) => message.kind === "PROPOSAL_REMINDER")).toHaveLength(24);
    expect(messages.filter((message) => message.kind === "WEEKLY_DIGEST").map((message) => message.recipientEmail).sort()).toEqual(staff.map((user) => user.email).sort());
    expect(messages.every((message) => message.status === "SENT" && message.attempts === 1)).toBe(true);
    const mails = received();
    expect(mails).toHaveLength(51);
    const ids = mails.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(51);
    expect(new Set(ids)).toEqual(new Set(messages.map((message) => `<${message.id}@twinning-office.outbox>`)));
    // Each delivery went to its message's recipient; every councillor got their four reminders.
    const byMessageId = new Map(messages.map((message) => [`<${message.id}@twinning-office.outbox>`, message]));
    for (const mail of mails) expect(mail.to).toBe(byMessageId.get(mail.messageId)!.recipientEmail);
    for (const councillor of councillors) {
      expect(mails.filter((mail) => mail.to === councillor.email && byMessageId.get(mail.messageId)!.kind === "PROPOSAL_REMINDER")).toHaveLength(4);
    }
    // The senders split the work (a run claims at most 50), and the counts add up.
    const sent = lines.map((line) => Number(/outbox: (\d+) sent/.exec(line)?.[1] ?? Number.NaN));
    expect(sent[0]! + sent[1]!).toBe(51);
  }, 180_000);
});

describe("npm run jobs beside the app on an embedded PGlite folder", () => {
  let dir = "";
  let holder: ChildProcess | undefined;

  afterAll(() => {
    holder?.kill();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("stops at once with one line, and never opens the folder, while the app holds it", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "twinning-jobs-"));
    const dataDir = path.join(dir, "pglite");
    // A live process in the app's place (what instrumentation.ts writes when the app starts).
    holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 120000)"], { stdio: "ignore" });
    fs.writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid: holder.pid, holder: "app", since: new Date().toISOString() }));

    const { finished } = runJobs(jobsEnv({ PGLITE_DATA_DIR: dataDir }));
    const result = await finished;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Nothing to do: the app \\(process ${holder.pid}\\) has the embedded database .*pglite open and runs these jobs itself every minute \\(lock file .*pglite\\.lock\\)\\.$`));
    expect(fs.existsSync(dataDir)).toBe(false);
    // The app's lock is left as it was.
    expect(JSON.parse(fs.readFileSync(lockFilePath(dataDir), "utf8"))).toMatchObject({ pid: holder.pid, holder: "app" });
  }, 60_000);
});
