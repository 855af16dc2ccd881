// The queries behind the signed-in pages use indexes on the large tables. Runs on PGlite and on
// PostgreSQL (PGlite is PostgreSQL: same planner). The real data functions (lib/data) run against
// a database holding a moderate scale data set; every SQL statement they send is captured at
// the driver adapter, then EXPLAINed with its own arguments after ANALYZE. A Seq Scan on
// Agreement, Exchange or Decision in a filtered query fails the test and names the query.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { seedScale } from "@/scripts/lib/scale-seed";
import { markChanged } from "@/lib/cache";
import { db, useDatabase as pointDbAt } from "@/lib/db";
import { pgliteHandle, postgresHandle, type AdapterHandle } from "@/lib/db/adapters";
import { readDatabaseConfig } from "@/lib/db/config";
import { listAgreements, listOpenProposals, parseAgreementFilters } from "@/lib/data/agreements";
import { getDashboard } from "@/lib/data/dashboard";
import { backend } from "../helpers/database";
import { readMigrations } from "../helpers/migrations";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

const LARGE_TABLES = ["Agreement", "Exchange", "Decision"];
const captured: SqlQuery[] = [];
let recording = false;
let dropSchema: (() => Promise<void>) | undefined;

/** Records every statement the client sends (outside transactions and inside them). */
function recordingHandle(handle: AdapterHandle): AdapterHandle {
  const record = <T extends SqlDriverAdapter | Transaction>(queryable: T): T =>
    new Proxy(queryable, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (key === "queryRaw") {
          return (query: SqlQuery) => {
            if (recording) captured.push(query);
            return target.queryRaw(query);
          };
        }
        if (key === "startTransaction") {
          return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => record(await (target as SqlDriverAdapter).startTransaction(...args));
        }
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const factory = new Proxy(handle.factory, {
    get(target, key, receiver) {
      if (key === "connect") return async () => record(await target.connect());
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as SqlMigrationAwareDriverAdapterFactory;
  return { ...handle, factory };
}

async function openDatabase(): Promise<void> {
  if (backend() === "pglite") {
    const snapshot = inject("pgliteSnapshot");
    const pglite = new PGlite({ loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
    await pglite.waitReady;
    await pointDbAt(recordingHandle(pgliteHandle(pglite)));
    return;
  }
  const config = readDatabaseConfig(process.env);
  if (config.kind !== "postgres") throw new Error("unreachable");
  const schema = `twinning_plans_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.query(`SET search_path TO "${schema}"`);
  for (const migration of readMigrations()) await admin.query(migration.sql);
  dropSchema = async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  };
  await pointDbAt(recordingHandle(postgresHandle(config.url, schema)));
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** Runs `body` and returns each statement it sent that touches a large table, with its plan. */
async function plansOf(body: () => Promise<unknown>): Promise<{ sql: string; seqScans: string[]; plan: PlanNode }[]> {
  captured.length = 0;
  recording = true;
  try {
    await body();
  } finally {
    recording = false;
  }
  const queries = captured.splice(0).filter((query) => /^\s*SELECT/i.test(query.sql) && LARGE_TABLES.some((table) => query.sql.includes(`"${table}"`)));
  const results = [];
  for (const query of queries) {
    const [row] = await db.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${query.sql}`, ...(query.args as unknown[]));
    const raw = row?.["QUERY PLAN"];
    const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    const plan = parsed[0]!.Plan;
    const seqScans = nodes(plan)
      .filter((node) => node["Node Type"] === "Seq Scan" && LARGE_TABLES.includes(node["Relation Name"] ?? ""))
      .map((node) => node["Relation Name"]!);
    results.push({ sql: query.sql, seqScans, plan });
  }
  return results;
}

/** How many statements `body` sends: a page that queried per row would send one per row. */
async function statementCount(body: () => Promise<unknown>): Promise<number> {
  captured.length = 0;
  recording = true;
  try {
    await body();
  } finally {
    recording = false;
  }
  return captured.splice(0).length;
}

/** The dormancy test: the stored last activity against the window (lib/data/activity.ts dormantCondition). */
function isDormancyQuery(result: { sql: string }): boolean {
  return /"lastActivityOn"/.test(result.sql) && !/agreement_activity_refresh/.test(result.sql);
}

function report(results: Awaited<ReturnType<typeof plansOf>>, tables: readonly string[] = LARGE_TABLES): string {
  return results
    .map((result) => ({ ...result, seqScans: result.seqScans.filter((table) => tables.includes(table)) }))
    .filter((result) => result.seqScans.length > 0)
    .map((result) => `Seq Scan on ${result.seqScans.join(", ")} in:\n  ${result.sql.slice(0, 600)}`)
    .join("\n\n");
}

describe(`query plans of the signed-in pages at scale (${backend()})`, { timeout: 600_000 }, () => {
  // The register's figures and the dashboard's shared panels are kept a few seconds: each test
  // sees the statements of a fresh read.
  beforeEach(() => markChanged());

  let staff = { id: "", email: "", name: "", role: "STAFF" as const };

  beforeAll(async () => {
    await openDatabase();
    await seedScale(db, { agreements: 3000, exchanges: 30_000, events: 600, seed: 7 });
    await db.$executeRawUnsafe("ANALYZE");
    const user = await db.user.findFirstOrThrow({ where: { role: "STAFF" }, select: { id: true, email: true, name: true } });
    staff = { ...user, role: "STAFF" };
  }, 600_000);

  afterAll(async () => {
    await dropSchema?.();
  });

  it("captures the real queries (the harness is wired)", async () => {
    const results = await plansOf(() => listAgreements(parseAgreementFilters({ status: "SUSPENDED" })));
    expect(results.length).toBeGreaterThan(0);
  });

  for (const [label, params] of [
    ["/agreements?status=SUSPENDED", { status: "SUSPENDED" }],
    ["/agreements?status=PENDING_APPROVAL&type=SISTER_CITY", { status: "PENDING_APPROVAL", type: "SISTER_CITY" }],
    ["/agreements?status=TERMINATED&country=FR", { status: "TERMINATED", country: "FR" }],
    ["/agreements?status=WITHDRAWN&q=stadt", { status: "WITHDRAWN", q: "stadt" }],
    // The search also reads the title, region, and countries and themes by name (codes: IN, &&).
    ["/agreements?status=SUSPENDED&q=poland", { status: "SUSPENDED", q: "poland" }],
    ["/agreements?status=TERMINATED&q=education", { status: "TERMINATED", q: "education" }],
  ] as const) {
    it(`${label}: no Seq Scan on Agreement, Exchange or Decision`, async () => {
      const results = await plansOf(() => listAgreements(parseAgreementFilters(params)));
      expect(report(results)).toBe("");
    });
  }

  // Dormancy reads Agreement.lastActivityOn, kept by triggers (migration 20261128210000_performance):
  // neither Exchange nor Event is read, whatever their size. The list and its count still read
  // Agreement as the planner likes: a third of these active links are dormant, and at 3,000 rows a
  // sequential scan of Agreement is its (right) choice; at 20,000 it takes the index (README).
  it("/agreements?status=ACTIVE&dormant=1: the dormancy test reads no exchange or event", async () => {
    const results = await plansOf(() => listAgreements(parseAgreementFilters({ status: "ACTIVE", dormant: "1" })));
    const dormancy = results.filter(isDormancyQuery);
    expect(dormancy.length).toBeGreaterThan(0);
    expect(dormancy.map((result) => result.sql).join("\n")).not.toMatch(/"Exchange"|"Event"/);
    expect(report(results, ["Exchange", "Decision"])).toBe("");
  });

  it("/dashboard: no Seq Scan on Agreement, Exchange or Decision in its filtered queries", async () => {
    const results = await plansOf(() => getDashboard(staff));
    // The status tally (GROUP BY status over every agreement) reads the whole table by design.
    const filtered = results.filter((result) => !/GROUP BY/i.test(result.sql));
    expect(filtered.length).toBeGreaterThan(0);
    expect(report(filtered)).toBe("");
  });

  it("no N+1: a page of 25 agreements and the dashboard each send a handful of statements", async () => {
    const list = await statementCount(() => listAgreements(parseAgreementFilters({ status: "ACTIVE" })));
    const dashboard = await statementCount(() => getDashboard(staff));
    // Fresh: listAgreements sends the settings, the dormancy refresh and when the next planned
    // activity begins, the page (partners, open proposals and dormancy joined in) and its count.
    // getDashboard: those three too, the register's three figures, the shared panels in one
    // statement, and the user's own panel.
    expect(list).toBeLessThanOrEqual(5);
    expect(dashboard).toBeLessThanOrEqual(8);
    // Seconds later, with no write in between, only what is read per view: the page, and the
    // user's own panel.
    expect(await statementCount(() => listAgreements(parseAgreementFilters({ status: "ACTIVE" })))).toBe(1);
    expect(await statementCount(() => getDashboard(staff))).toBe(1);
  });

  // No plan check here: the scale data holds hundreds of open proposals on one page, and for
  // hundreds of agreements PostgreSQL rightly reads Exchange and Decision once rather than probing
  // each agreement's index range. What must hold is that the reads do not grow with the cards.
  it("/approvals: every open proposal's card in a fixed number of statements", async () => {
    const open = await listOpenProposals();
    // The scale data holds well over a page of open proposals: one read per card would show.
    expect(open.length).toBeGreaterThan(50);
    // Prisma reads the proposals, then each nested relation (proposer, agreement, partner,
    // exchanges' costs, decisions and their actors, reviews and confirmations, rejected
    // proposals and their votes, this proposal's votes) once for all of them.
    expect(await statementCount(() => listOpenProposals())).toBeLessThanOrEqual(20);
  });

  it("/dashboard: dormancy without a Seq Scan", async () => {
    const results = await plansOf(() => getDashboard(staff));
    // The status tally also counts the dormant links of each status: it reads every agreement by
    // design, once per 30 s per process (the register's figures).
    const dormancy = results.filter((result) => isDormancyQuery(result) && !/GROUP BY/i.test(result.sql));
    expect(dormancy.length).toBeGreaterThan(0);
    expect(report(dormancy)).toBe("");
  });
});
