// Operations IT can run (issue 22 items 5–7), on whichever back end this run uses: every round of
// the jobs records a heartbeat, and the admins' dashboard says when it is too old; /healthz and
// /readyz through their route handlers, /readyz failing when the database cannot be reached, a
// migration is missing or the heartbeat is stale. Time is injected: nothing here depends on
// today's date.
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
// First: it installs the AsyncLocalStorage that Next's modules (the route handlers) read as they load.
import { inRequest } from "../helpers/request-context";
import { GET as healthz } from "@/app/healthz/route";
import { GET as readyz } from "@/app/readyz/route";
import { GET as securityTxt } from "@/app/.well-known/security.txt/route";
import { GET as auditExport } from "@/app/admin/audit/export/route";
import { startSession } from "@/lib/auth/session";
import { updateSettings } from "@/lib/admin/update-settings";
import { invalidateAfterWrite } from "@/lib/cache";
import { settingsSchema } from "@/lib/domain/validation/admin";
import { SECURITY_TXT_EXPIRES_AFTER_DAYS } from "@/lib/domain/security-txt";
import { PrismaClient } from "@/generated/prisma/client";
import { checkReadiness, migrationsInBuild } from "@/lib/config/readiness";
import { getDashboard } from "@/lib/data/dashboard";
import { db } from "@/lib/db";
import { postgresHandle } from "@/lib/db/adapters";
import { requestLogger } from "@/lib/web/request-log";
import { JOBS_HEARTBEAT_STALE_AFTER_MINUTES } from "@/lib/domain/jobs-heartbeat";
import type { Actor } from "@/lib/domain/permissions";
import { readJobsHeartbeat, recordJobsHeartbeat } from "@/lib/jobs/job-run";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { backend, createAdmin, createStaff, resetDatabase, type TestUser } from "../helpers/database";

beforeEach(resetDatabase);

const NOW = new Date("2031-06-15T12:00:00.000Z");
const MINUTE = 60 * 1000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe(`the jobs' heartbeat (${backend()})`, () => {
  it("moves on with every round, never back, and the admins' dashboard warns when it is stale", async () => {
    const [admin, officer] = [await createAdmin(), await createStaff()];
    expect(await readJobsHeartbeat()).toBeNull();
    expect((await getDashboard(admin, NOW)).jobsHeartbeat).toEqual({ lastRanAt: null, stale: true });

    await runDueJobs({ transport: null, now: NOW });
    expect(await readJobsHeartbeat()).toEqual(NOW);
    // A slower round that started earlier and finishes later does not move it back.
    await runDueJobs({ transport: null, now: at(-5 * MINUTE) });
    expect(await readJobsHeartbeat()).toEqual(NOW);

    const fresh = (await getDashboard(admin, at(JOBS_HEARTBEAT_STALE_AFTER_MINUTES * MINUTE))).jobsHeartbeat;
    expect(fresh).toEqual({ lastRanAt: NOW, stale: false });
    const stale = (await getDashboard(admin, at(JOBS_HEARTBEAT_STALE_AFTER_MINUTES * MINUTE + 1000))).jobsHeartbeat;
    expect(stale).toEqual({ lastRanAt: NOW, stale: true });
    // Officers do not see the panel.
    expect((await getDashboard(officer, NOW)).jobsHeartbeat).toBeNull();

    await runDueJobs({ transport: null, now: at(20 * MINUTE) });
    expect((await getDashboard(admin, at(21 * MINUTE))).jobsHeartbeat).toEqual({ lastRanAt: at(20 * MINUTE), stale: false });
  });
});

/** Prisma's own bookkeeping, as `prisma migrate deploy` creates it (the tests apply the SQL directly), holding `applied`. */
async function recordAppliedMigrations(applied: string[]): Promise<void> {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations"`);
  for (const [index, name] of applied.entries()) {
    await db.$executeRaw`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES (${String(index)}, 'test', now(), ${name}, 1)`;
  }
}

async function get(handler: () => Promise<Response>, path: string): Promise<{ status: number; body: Record<string, unknown>; cacheControl: string | null; setCookie: string | null }> {
  const { value: response } = await inRequest({ path }, handler);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cacheControl: response.headers.get("cache-control"), setCookie: response.headers.get("set-cookie") };
}

describe(`/healthz and /readyz (${backend()})`, () => {
  const built = migrationsInBuild();

  it("/healthz answers 200 without the database; /readyz 200 when all is well, 503 naming a missing migration", async () => {
    expect(built.length).toBeGreaterThan(10);
    expect(await get(healthz, "/healthz")).toEqual({ status: 200, body: { status: "ok" }, cacheControl: "no-store", setCookie: null });

    await recordAppliedMigrations(built);
    await recordJobsHeartbeat(new Date(), { failed: [] });
    const ready = await get(readyz, "/readyz");
    expect(ready).toMatchObject({ status: 200, cacheControl: "no-store", setCookie: null, body: { ready: true, checks: { database: { ok: true }, migrations: { ok: true }, jobs: { ok: true } } } });

    // The newest migration of this build is not applied: not ready, and the body says which.
    await recordAppliedMigrations(built.slice(0, -1));
    const behind = await get(readyz, "/readyz");
    expect(behind.status).toBe(503);
    expect(behind.body).toMatchObject({ ready: false, checks: { database: { ok: true }, migrations: { ok: false, problem: `not applied: ${built.at(-1)} (run npm run db:migrate)` }, jobs: { ok: true } } });
  });

  it("fails when the jobs' heartbeat is stale or missing, and when migrations were never applied", async () => {
    await recordAppliedMigrations(built);
    expect(await checkReadiness({ now: NOW })).toMatchObject({ ready: false, checks: { jobs: { ok: false, problem: "the scheduled jobs have never run" } } });
    await recordJobsHeartbeat(NOW, { failed: [] });
    expect(await checkReadiness({ now: at(JOBS_HEARTBEAT_STALE_AFTER_MINUTES * MINUTE) })).toMatchObject({ ready: true, lastJobsRunAt: NOW.toISOString() });
    const stale = await checkReadiness({ now: at(JOBS_HEARTBEAT_STALE_AFTER_MINUTES * MINUTE + 1000) });
    expect(stale).toMatchObject({ ready: false, checks: { database: { ok: true }, migrations: { ok: true }, jobs: { ok: false } } });
    expect(stale.checks.jobs).toEqual({ ok: false, problem: `the scheduled jobs last ran at ${NOW.toISOString()}, more than ${JOBS_HEARTBEAT_STALE_AFTER_MINUTES} minutes ago` });

    await db.$executeRawUnsafe(`DROP TABLE "_prisma_migrations"`);
    expect(await checkReadiness({ now: NOW })).toMatchObject({ ready: false, checks: { database: { ok: true }, migrations: { ok: false, problem: "no migrations are applied: run npm run db:migrate" } } });
  });

  it("fails, without the address or password, when the database cannot be reached or does not exist", async () => {
    // Nothing listens on port 1; the second server exists only when this run has PostgreSQL.
    const targets: [string, string][] = [["postgresql://twinning:s3cret-password@127.0.0.1:1/twinning", "the database cannot be reached"]];
    if (process.env.DATABASE_URL?.startsWith("postgres")) {
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = "/no_such_database_h5";
      targets.push([url.toString(), "the database does not exist"]);
    }
    for (const [target, problem] of targets) {
      const database = new PrismaClient({ adapter: postgresHandle(target).factory });
      try {
        const readiness = await checkReadiness({ now: NOW, database, expected: built });
        expect(readiness.ready, target).toBe(false);
        expect(readiness.checks.database, target).toEqual({ ok: false, problem });
        expect(readiness.checks.migrations.ok).toBe(false);
        const body = JSON.stringify(readiness);
        expect(body).not.toContain("s3cret");
        expect(body).not.toContain("127.0.0.1");
      } finally {
        await database.$disconnect();
      }
    }
  });
});

describe("a request's log lines", () => {
  it("carry the id the proxy gave the request; outside a request, none", async () => {
    const { value: log } = await inRequest({ headers: { "x-request-id": "5b0c6a43-9d1e-4f7a-8c2b-3e4f5a6b7c8d" } }, () => requestLogger());
    expect(log.bindings()).toMatchObject({ requestId: "5b0c6a43-9d1e-4f7a-8c2b-3e4f5a6b7c8d" });
    expect((await requestLogger()).bindings()).not.toHaveProperty("requestId");
  });
});

describe(`/.well-known/security.txt (${backend()})`, () => {
  const settings = (securityContact: string) =>
    settingsSchema.safeParse({ councilName: "Testford", approvalsNeeded: "1", dormancyMonths: "24", openDataLicence: "OGL", reminderDays: "7", twoStepRequiredFor: "NOBODY", securityContact });
  /** As "Save settings" does: the operation, then what it makes stale. */
  const saveSettings = async (securityContact: string, admin: Actor) => {
    await updateSettings(settings(securityContact).data!, admin);
    invalidateAfterWrite(["settings"]);
  };
  const fetchSecurityTxt = async () => {
    const { value: response } = await inRequest({ path: "/.well-known/security.txt", headers: { host: "twinning.example.gov.uk" } }, () => securityTxt(new Request("http://twinning.example.gov.uk/.well-known/security.txt")));
    return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
  };

  it("is 404 until an admin sets the security contact; then RFC 9116's fields, expiring 180 days after it is served", async () => {
    const admin = await createAdmin();
    expect(await fetchSecurityTxt()).toMatchObject({ status: 404 });

    const refused = settings("javascript:alert(1)");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["securityContact", "Security contact must be an email address or an https:// address, like security@council.gov.uk"]]);
    expect(settings("http://council.example/security").success).toBe(false);

    await saveSettings("security@testford.gov.uk", admin);
    const before = Date.now();
    const served = await fetchSecurityTxt();
    const after = Date.now();
    expect(served.status).toBe(200);
    expect(served.type).toBe("text/plain; charset=utf-8");
    const fields = Object.fromEntries(served.text.trim().split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]));
    expect(fields).toEqual({
      Contact: "mailto:security@testford.gov.uk",
      Expires: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      Canonical: expect.stringMatching(/^https?:\/\/[^/]+\/\.well-known\/security\.txt$/),
      "Preferred-Languages": "en, cy",
    });
    const expires = Date.parse(fields.Expires!);
    const days = SECURITY_TXT_EXPIRES_AFTER_DAYS * 24 * 60 * 60 * 1000;
    expect(expires).toBeGreaterThanOrEqual(before + days - 1000);
    expect(expires).toBeLessThanOrEqual(after + days);

    await saveSettings("https://testford.gov.uk/report-a-security-problem", admin);
    expect((await fetchSecurityTxt()).text).toMatch(/^Contact: https:\/\/testford\.gov\.uk\/report-a-security-problem\n/);
  });
});

describe(`the audit log as CSV (${backend()})`, () => {
  async function cookiesOf(user: TestUser): Promise<Record<string, string>> {
    const record = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
    return (await inRequest({}, () => startSession(record))).setCookies;
  }
  async function download(cookies: Record<string, string>, query: string) {
    const url = `http://localhost:3000/admin/audit/export${query}`;
    const { value: response } = await inRequest({ cookies, path: url }, () => auditExport(new Request(url)));
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  it("gives admins the rows the page's filters select, newest first, formulas neutralised; officers 403, visitors the sign-in page", async () => {
    const [admin, officer] = [await createAdmin(), await createStaff()];
    await db.auditLog.deleteMany();
    // A failed sign-in keeps the email as typed: here a formula.
    const typedEmail = '=HYPERLINK("https://evil.example","Click")';
    const row = (minutes: number, action: string, details: object | null, ip: string | null, actorId: string | null = admin.id) =>
      db.auditLog.create({ data: { createdAt: at(minutes * MINUTE), action, actorId, actorEmail: actorId ? null : typedEmail, entityType: "User", entityId: officer.id, details: details ?? undefined, ip } });
    await row(0, "user.create", { name: "Ann, the new officer" }, "192.0.2.10");
    await row(5, "user.role-change", { before: "STAFF", after: "ADMIN" }, "192.0.2.11");
    await row(10, "auth.sign-in-failed", null, "198.51.100.7", null);
    await row(60 * 24 * 3, "user.create", { name: "Later, Ann" }, null);

    const all = await download(await cookiesOf(admin), "");
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(all.headers.get("cache-control")).toBe("private, no-store");
    expect(all.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{4}-\d\d-\d\d\.csv"$/);
    const lines = all.text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("When (UTC),Who,Email,Action,Entity type,Entity id,Details,Address");
    const records = parse(all.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((record) => record.Action)).toEqual(["user.create", "auth.sign-in-failed", "user.role-change", "user.create"]);
    expect(records[1]).toMatchObject({ Email: "'=HYPERLINK(\"https://evil.example\",\"Click\")", Address: "198.51.100.7", Who: "" });
    // The typed formula is text in a spreadsheet (the export's formula guard), not a formula.
    expect(lines[2]).toBe(`${at(10 * MINUTE).toISOString()},,"'=HYPERLINK(""https://evil.example"",""Click"")",auth.sign-in-failed,User,${officer.id},,198.51.100.7`);
    expect(lines[4]).toBe(`${NOW.toISOString()},${admin.name},,user.create,User,${officer.id},"{""name"":""Ann, the new officer""}",192.0.2.10`);

    // The page's filters: one action, one day (whole).
    const filtered = await download(await cookiesOf(admin), `?action=user.create&from=${NOW.toISOString().slice(0, 10)}&to=${NOW.toISOString().slice(0, 10)}`);
    expect(filtered.text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(filtered.headers.get("content-disposition")).toBe(`attachment; filename="audit-log-${NOW.toISOString().slice(0, 10)}-to-${NOW.toISOString().slice(0, 10)}.csv"`);

    const refused = await download(await cookiesOf(officer), "");
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain("192.0.2.10");
    const anonymous = await download({}, "?action=user.create");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("http://localhost:3000/login?callbackUrl=%2Fadmin%2Faudit%2Fexport%3Faction%3Duser.create");
  });
});
