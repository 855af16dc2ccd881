// The one Prisma client. Nothing opens at import: the first query connects, so `next build`
// never touches the database and scripts choose when to close it.
import { PrismaClient } from "@/generated/prisma/client";
import { createAdapterFactory, type AdapterHandle } from "./adapters";
import { readDatabaseConfig } from "./config";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type Connection = { prisma: PrismaClient; handle: AdapterHandle };

const globalForDb = globalThis as typeof globalThis & { __twinningDb?: Connection };

function open(handle: AdapterHandle): Connection {
  return { prisma: new PrismaClient({ adapter: handle.factory }), handle };
}

function current(): Connection {
  if (!globalForDb.__twinningDb) {
    if (process.env.NEXT_PHASE === "phase-production-build") {
      throw new Error("The database is not available during `next build`: make this route dynamic (await connection()).");
    }
    globalForDb.__twinningDb = open(createAdapterFactory(readDatabaseConfig(process.env)));
  }
  return globalForDb.__twinningDb;
}

/** The Prisma client for the configured database, opened on first use. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, key) {
    const client = current().prisma;
    const value: unknown = Reflect.get(client, key);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/** Points `db` at another database (tests: a fresh database per file). */
export async function useDatabase(handle: AdapterHandle): Promise<void> {
  await closeDatabase();
  globalForDb.__twinningDb = open(handle);
}

/** Scripts call this before exiting: an open PGlite keeps the process alive. */
export async function closeDatabase(): Promise<void> {
  const connection = globalForDb.__twinningDb;
  globalForDb.__twinningDb = undefined;
  if (!connection) return;
  await connection.prisma.$disconnect();
  await connection.handle.close();
}

/** The database behind `db` now: a new one after useDatabase (lib/cache/listener.ts listens to it). */
export function databaseHandle(): AdapterHandle {
  return current().handle;
}

/** The embedded PGlite behind `db`, if that is what is configured. */
export function embeddedDatabase() {
  return current().handle.pglite;
}
