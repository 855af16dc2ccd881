// The caches' one signal of change (lib/cache, decision 016), on both databases: a change written
// on another connection — another server process, psql — shows in the cached reads within a
// second: by LISTEN, and by reading the sequence where LISTEN is turned off or its connection was
// lost. A partner address that names no partner costs nothing and keeps nothing.
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { changeSignalStatus, stopWatching } from "@/lib/cache";
import { getSettings } from "@/lib/data/settings";
import { getPublicPartner, listPublicDecisions, publicLinkIndex } from "@/lib/data/public";
import { databaseHandle, db, embeddedDatabase } from "@/lib/db";
import { backend, createAgreement, createStaff, resetDatabase } from "../helpers/database";

// Next.js's data cache, as a server keeps it (on disk, for good): what the reads put there.
const dataCache = vi.hoisted(() => new Map<string, unknown>());
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  unstable_cache:
    <A extends unknown[], R>(load: (...args: A) => Promise<R>, keyParts: string[] = []) =>
    async (...args: A): Promise<R> => {
      const key = JSON.stringify([keyParts, args]);
      if (!dataCache.has(key)) dataCache.set(key, await load(...args));
      return dataCache.get(key) as R;
    },
}));

/** SQL run as psql or another server would: not through this process's Prisma client. */
async function writeElsewhere(sql: string, params: unknown[] = []): Promise<void> {
  const pglite = embeddedDatabase();
  if (pglite) {
    // One process holds the embedded database: its own connection, beside Prisma.
    await pglite.query(sql, params);
    return;
  }
  const client = new pg.Client(databaseHandle().clientConfig);
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Polls `read` until it returns `expected`, and says how long that took. */
async function millisecondsUntil<T>(read: () => Promise<T>, expected: T): Promise<number> {
  const started = Date.now();
  await expect.poll(read, { timeout: 2000, interval: 20 }).toEqual(expected);
  return Date.now() - started;
}

/** Waits until `condition` holds (at most 3 s). */
async function until(condition: () => boolean): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 3000) throw new Error("Timed out waiting for the change signal.");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let slug: string;

beforeAll(async () => {
  await resetDatabase();
  const staff = await createStaff();
  const agreement = await createAgreement({ createdBy: staff, partnerName: "Signal town", status: "ACTIVE" });
  slug = (await db.partner.findUniqueOrThrow({ where: { id: agreement.partnerId }, select: { slug: true } })).slug;
}, 120_000);

afterEach(() => {
  vi.unstubAllEnvs();
  stopWatching();
});

const partnerName = async () => (await getPublicPartner(slug))?.partner.name;
const councilName = async () => (await getSettings()).councilName;

describe("the change signal", () => {
  it("shows a change made on another connection within a second: the partner page and every page's settings", async () => {
    expect(await partnerName()).toBe("Signal town");
    await until(() => changeSignalStatus().listening);
    const settingsBefore = await councilName();
    // Kept: the same object until the data changes.
    expect(await getPublicPartner(slug)).toBe(await getPublicPartner(slug));

    await writeElsewhere(`UPDATE "Partner" SET "name" = $1 WHERE "slug" = $2`, ["Signal town renamed", slug]);
    expect(await millisecondsUntil(partnerName, "Signal town renamed")).toBeLessThan(1000);

    const saveCouncilName = (name: string) =>
      writeElsewhere(`INSERT INTO "CouncilSettings" ("id", "councilName", "updatedAt") VALUES (1, $1, now()) ON CONFLICT ("id") DO UPDATE SET "councilName" = $1, "updatedAt" = now()`, [name]);
    await saveCouncilName("Signalford Council");
    expect(await millisecondsUntil(councilName, "Signalford Council")).toBeLessThan(1000);
    await saveCouncilName(settingsBefore);
  });

  it("hears writes made through this process's own Prisma client too (the jobs, a script's operation)", async () => {
    expect(await partnerName()).toBe("Signal town renamed");
    await until(() => changeSignalStatus().listening);
    await db.partner.update({ where: { slug }, data: { name: "Signal town by Prisma" } });
    expect(await millisecondsUntil(partnerName, "Signal town by Prisma")).toBeLessThan(1000);
    await db.partner.update({ where: { slug }, data: { name: "Signal town renamed" } });
    expect(await millisecondsUntil(partnerName, "Signal town renamed")).toBeLessThan(1000);
  });

  it("reads the sequence instead, at most once a second, with LISTEN turned off (CACHE_CHANGE_SIGNAL=poll)", async () => {
    vi.stubEnv("CACHE_CHANGE_SIGNAL", "poll");
    expect(await partnerName()).toBe("Signal town renamed");
    expect(changeSignalStatus().listenerPid).toBeUndefined();
    await writeElsewhere(`UPDATE "Partner" SET "name" = $1 WHERE "slug" = $2`, ["Signal town polled", slug]);
    // The sequence is read once a second: the change shows at the first read after that.
    expect(await millisecondsUntil(partnerName, "Signal town polled")).toBeLessThan(1200);
  });

  it.runIf(backend() === "postgres")("counts everything as changed when the LISTEN connection is lost, and listens again", async () => {
    expect(await partnerName()).toBe("Signal town polled");
    await until(() => changeSignalStatus().listening);
    const lostPid = changeSignalStatus().listenerPid!;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await writeElsewhere(`SELECT pg_terminate_backend($1)`, [lostPid]);
    await writeElsewhere(`UPDATE "Partner" SET "name" = $1 WHERE "slug" = $2`, ["Signal town reconnected", slug]);
    expect(await millisecondsUntil(partnerName, "Signal town reconnected")).toBeLessThan(1500);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("no LISTEN connection"));
    // A new connection, and notifications again.
    await until(() => changeSignalStatus().listening);
    expect(changeSignalStatus().listenerPid).not.toBe(lostPid);
    await writeElsewhere(`UPDATE "Partner" SET "name" = $1 WHERE "slug" = $2`, ["Signal town polled", slug]);
    expect(await millisecondsUntil(partnerName, "Signal town polled")).toBeLessThan(1000);
  });

  it("forgets nothing it need not: a write to a table no cache reads, or a statement that changed no row, signals nothing", async () => {
    const changeCount = async () => (await db.$queryRaw<{ count: string }[]>`SELECT "last_value"::text || ':' || "is_called"::text AS "count" FROM "change_signal"`)[0]!.count;
    await listPublicDecisions(10);
    await until(() => changeSignalStatus().listening);
    const decisions = await listPublicDecisions(10);
    const before = await changeCount();
    await writeElsewhere(`UPDATE "Agreement" SET "title" = "title" WHERE false`);
    await writeElsewhere(`UPDATE "User" SET "name" = "name"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await changeCount()).toBe(before);
    expect(await listPublicDecisions(10)).toBe(decisions);
  });
});

describe("one database, several schemas", () => {
  // NOTIFY reaches every listener of the database: test files in parallel (a schema each), or two
  // apps sharing a server. A process keeps only its own schema's notifications.
  it.runIf(backend() === "postgres")("a change in another schema makes nothing stale here; one in this schema does", async () => {
    await listPublicDecisions(10);
    await until(() => changeSignalStatus().listening);
    const decisions = await listPublicDecisions(10);
    const schema = (await db.$queryRaw<{ schema: string }[]>`SELECT current_schema() AS "schema"`)[0]!.schema;
    await writeElsewhere(`SELECT pg_notify('twinning_change', $1)`, [`${schema}_elsewhere.decisions`]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await listPublicDecisions(10)).toBe(decisions);
    await writeElsewhere(`SELECT pg_notify('twinning_change', $1)`, [`${schema}.decisions`]);
    const started = Date.now();
    while ((await listPublicDecisions(10)) === decisions) {
      expect(Date.now() - started, "this schema's notification is heard").toBeLessThan(3000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
});

describe("a partner address that names no partner", () => {
  it("is answered from the list of public links: nothing is written to Next.js's data cache, nothing kept", async () => {
    expect(await getPublicPartner(slug)).not.toBeNull();
    const partnersBefore = (await publicLinkIndex()).partners.size;
    dataCache.clear();
    const random = Array.from({ length: 200 }, (_, index) => `no-such-partner-${index}-${Math.random().toString(36).slice(2)}`);
    for (const unknown of random) expect(await getPublicPartner(unknown)).toBeNull();
    expect([...dataCache.keys()].filter((key) => random.some((unknown) => key.includes(unknown)))).toEqual([]);
    expect((await publicLinkIndex()).partners.size).toBe(partnersBefore);
  });
});
